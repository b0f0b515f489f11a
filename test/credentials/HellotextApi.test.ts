import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testCredential } from '../support/engine';
import { useSandbox } from '../support/sandbox';

describe('HellotextApi credential', () => {
	const env = useSandbox();

	it('its test request passes with the sandbox token, asking for one profile with the bearer header', async () => {
		const result = await testCredential(env.engine, { token: env.sandbox.token, baseUrl: env.sandbox.url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v1/profiles',
			query: { limit: '1' },
			headers: { authorization: `Bearer ${env.sandbox.token}` },
		});
	});

	it('accepts a Base URL with a trailing slash, or with the /v1 already on it', async () => {
		for (const baseUrl of [`${env.sandbox.url}/`, `${env.sandbox.url}/v1`, `${env.sandbox.url}/v1/`]) {
			env.sandbox.requests = [];
			const result = await testCredential(env.engine, { token: env.sandbox.token, baseUrl });
			expect(result.status).toBe('OK');
			expect(env.sandbox.requests[0].path).toBe('/v1/profiles');
		}
	});

	it('fails with a wrong token, saying why without echoing the token', async () => {
		const result = await testCredential(env.engine, { token: 'wrong-secret-token', baseUrl: env.sandbox.url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('rejected the API token (401)');
		expect(result.message).not.toContain('wrong-secret-token');
	});

	it('fails on a Base URL that serves no Hellotext API', async () => {
		const result = await testCredential(env.engine, { token: env.sandbox.token, baseUrl: `${env.sandbox.url}/nothing-here` });
		expect(result).toEqual({ status: 'Error', message: 'No Hellotext API at this Base URL (404): check the Base URL' });
	});
});

describe('HellotextApi credential against servers that are not Hellotext', () => {
	const env = useSandbox();
	let server: Server;
	let url = '';
	/** What the stand-in server answers with 200 on every path. */
	let answer = { type: 'text/html', body: '<!doctype html><html><body>Some web app</body></html>' };
	const seen: string[] = [];
	beforeAll(async () => {
		server = createServer((request, response) => {
			seen.push(`${request.method} ${request.url}`);
			response.writeHead(200, { 'content-type': answer.type }).end(answer.body);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => new Promise((resolve) => server.close(resolve)));

	const NOT_HELLOTEXT = 'This Base URL answered, but not as the Hellotext API does (no list of profiles): check the Base URL';

	it('fails when a server answers 200 with a web page (as n8n itself does)', async () => {
		seen.length = 0;
		const result = await testCredential(env.engine, { token: env.sandbox.token, baseUrl: url });
		expect(result).toEqual({ status: 'Error', message: NOT_HELLOTEXT });
		expect(seen).toEqual(['GET /v1/profiles?limit=1']);
	});

	it.each([
		['an object without profiles', '{"data":[]}'],
		['profiles that are not a list', '{"profiles":null}'],
		['a list', '[{"id":"x"}]'],
	])('fails when a server answers 200 with JSON holding %s', async (_what, body) => {
		answer = { type: 'application/json', body };
		const result = await testCredential(env.engine, { token: env.sandbox.token, baseUrl: url });
		expect(result).toEqual({ status: 'Error', message: NOT_HELLOTEXT });
	});

	it('passes on an empty account (an empty profiles list)', async () => {
		answer = { type: 'application/json', body: '{"profiles":[]}' };
		expect(await testCredential(env.engine, { token: env.sandbox.token, baseUrl: url })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	it.each(['ftp://127.0.0.1:4010', 'file:///etc/passwd', '127.0.0.1:4010'])(
		'refuses the Base URL %s before sending anything, saying http(s) is needed',
		async (baseUrl) => {
			seen.length = 0;
			const result = await testCredential(env.engine, { token: env.sandbox.token, baseUrl });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('The Base URL in the Hellotext credential must start with http:// or https://');
			expect(seen).toEqual([]);
			expect(env.sandbox.requests).toEqual([]);
		},
	);
});
