import { describe, expect, it } from 'vitest';

import { testCredential } from '../harness/engine';
import { useSandbox } from '../harness/setup';

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
