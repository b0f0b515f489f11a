import { describe, expect, it } from 'vitest';

import { locator, useSandbox } from '../../../support/sandbox';
import type { Obj } from '../../../support/types';

describe('errors, retries and bounded runs', () => {
	const env = useSandbox();
	// Email, phone and names are Create's top-level fields; anything else goes to Additional Fields.
	const create = ({ email, phone, firstName, ...rest }: Obj, input?: Obj[], node?: Obj) =>
		env.engine.run(
			{ resource: 'profile', operation: 'create', email, phone, firstName, profileAdditionalFields: rest },
			input,
			{ node },
		);
	const profiles = () => (env.sandbox.call('GET', '/v1/profiles', undefined, { limit: '100' }) as Obj).profiles as Obj[];

	describe('readable errors', () => {
		it('a 422 names the parameter and the problem, keeping the HTTP code', async () => {
			env.sandbox.faults.push({
				path: '/v1/profiles',
				status: 422,
				body: { errors: [{ type: 'parameter_not_unique', message: 'The value must be unique.', parameter: 'email' }] },
			});
			const { error } = await create({ email: 'a@b.co' });
			expect(error?.message).toBe('Hellotext rejected "email": parameter_not_unique - The value must be unique. (HTTP 422)');
			expect(error?.httpCode).toBe('422');
		});

		it('several errors: the first in the message, all of them in the description; `description` is read too', async () => {
			env.sandbox.faults.push({
				path: '/v1/profiles',
				status: 400,
				body: {
					errors: [
						{ type: 'parameter_missing', description: 'This parameter is required.', parameter: 'name' },
						{ type: 'invalid', message: 'Not a phone.', parameter: 'phone' },
					],
				},
			});
			const { error } = await create({ phone: 'x' });
			expect(error?.message).toBe('Hellotext rejected "name": parameter_missing - This parameter is required. (and 1 more, HTTP 400)');
			expect(error?.description).toBe(
				'Hellotext rejected "name": parameter_missing - This parameter is required.\nHellotext rejected "phone": invalid - Not a phone.',
			);
		});

		it('a single `error` object is read as well', async () => {
			env.sandbox.faults.push({ path: '/v1/profiles', status: 422, body: { error: { type: 'not_allowed', message: 'Blocked profile.' } } });
			const { error } = await create({ firstName: 'x' });
			expect(error?.message).toBe('Hellotext: not_allowed - Blocked profile. (HTTP 422)');
		});

		it('401 says the token was rejected and points at the credential', async () => {
			env.sandbox.faults.push({ path: '/v1/profiles', status: 401, body: { errors: [{ type: 'unauthorized', message: 'No valid API key.' }] } });
			const { error } = await create({ firstName: 'x' });
			expect(error?.message).toBe('The Hellotext API token was rejected (401): check the token in the Hellotext credential');
		});

		it('403 says the plan does not allow it', async () => {
			env.sandbox.faults.push({ path: '/v1/profiles', status: 403, body: { errors: [{ type: 'not_allowed', message: 'Plan expired.' }] } });
			const { error } = await create({ firstName: 'x' });
			expect(error?.message).toContain('(403)');
			expect(error?.message).toContain('plan');
			expect(error?.description).toContain('Plan expired.');
		});
	});

	describe('Continue On Fail', () => {
		it('a failing item becomes an output item with the error and its index; the others still run', async () => {
			const { items, error } = await create(
				{ email: '={{ $json.email }}' },
				[{ email: 'a@example.com' }, { email: 'not-an-email' }, { email: 'c@example.com' }],
				{ onError: 'continueRegularOutput' },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(3);
			expect(items[0].json.id).toMatch(/^\w{8}$/);
			expect(items[1].json).toMatchObject({
				error: 'Hellotext rejected "email": invalid - The email is not valid. (HTTP 422)',
				itemIndex: 1,
				httpCode: '422',
			});
			expect(items[2].json.id).toMatch(/^\w{8}$/);
			expect(profiles()).toHaveLength(2);
		});

		it('an input refused before sending is an error item too, and nothing is sent for it', async () => {
			const { items } = await create(
				{ addressJson: '={{ $json.address }}' },
				[{ address: '{"city":"Montevideo"}' }, { address: '{oops' }],
				{ onError: 'continueRegularOutput' },
			);
			expect(items[1].json).toMatchObject({ error: '"Address (JSON)" is not valid JSON', itemIndex: 1 });
			expect(env.sandbox.requests).toHaveLength(1);
		});
	});

	describe('retries', () => {
		it('429 twice, then success: one object created, Retry-After honoured', async () => {
			env.sandbox.faults.push({ method: 'POST', path: '/v1/profiles', status: 429, times: 2, headers: { 'retry-after': '1' }, body: { errors: [{ type: 'rate_limited', message: 'Slow down' }] } });
			const { items, error } = await create({ firstName: 'Once' });
			expect(error).toBeUndefined();
			const requests = env.sandbox.requestsTo('/v1/profiles', 'POST');
			expect(requests.map((r) => r.status)).toEqual([429, 429, 200]);
			expect(requests[1].at! - requests[0].at!).toBeGreaterThanOrEqual(950);
			expect(requests[2].at! - requests[1].at!).toBeGreaterThanOrEqual(950);
			expect(profiles()).toHaveLength(1);
			expect(items[0].json.id).toBe(profiles()[0].id);
		});

		it('429 that never ends stops after a bounded number of attempts', async () => {
			env.sandbox.faults.push({ path: '/v1/profiles', status: 429, times: 100, headers: { 'retry-after': '0' } });
			const { error } = await create({ firstName: 'x' });
			expect(error?.message).toBe('Hellotext is rate limiting requests (429) after 5 attempts');
			expect(env.sandbox.requests).toHaveLength(5);
		});

		it('503 on a GET is retried', async () => {
			const id = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id;
			env.sandbox.faults.push({ method: 'GET', status: 503 });
			const { items, error } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id) });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests.map((r) => r.status)).toEqual([503, 200]);
			expect(items[0].json.first_name).toBe('Ada');
		});

		it('a dropped connection on a DELETE is retried', async () => {
			const id = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id;
			env.sandbox.faults.push({ method: 'DELETE', destroy: true });
			const { items, error } = await env.engine.run({ resource: 'profile', operation: 'delete', profileId: locator(id) });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests).toHaveLength(2);
			expect(items[0].json).toMatchObject({ id, deleted: true });
		});

		it('500 on a POST that reached the server is not resent; the error says the outcome is unknown', async () => {
			env.sandbox.faults.push({ method: 'POST', path: '/v1/profiles', status: 500, process: true });
			const { error } = await create({ firstName: 'Maybe' });
			expect(env.sandbox.requests).toHaveLength(1);
			expect(profiles()).toHaveLength(1);
			expect(error?.message).toBe('The outcome of this POST is unknown (HTTP 500): Hellotext may have carried it out, so it was not sent again');
		});

		it('503 and a dropped connection on a POST are not resent either', async () => {
			env.sandbox.faults.push({ method: 'POST', path: '/v1/profiles', status: 503 });
			const first = await create({ firstName: 'x' });
			expect(first.error?.message).toContain('The outcome of this POST is unknown (HTTP 503)');
			env.sandbox.faults.push({ method: 'POST', path: '/v1/profiles', destroy: true });
			const second = await create({ firstName: 'y' });
			expect(second.error?.message).toContain('The outcome of this POST is unknown (');
			expect(env.sandbox.requests).toHaveLength(2);
		});
	});

	describe('bounded bulk runs', () => {
		it('1,000 items never have more requests in flight than the default bound (5)', async () => {
			env.sandbox.latencyMs = 3;
			const input = Array.from({ length: 1000 }, (_, i) => ({ n: i }));
			const { items, error } = await create({ firstName: '={{ "P" + $json.n }}' }, input);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1000);
			expect(env.sandbox.requests).toHaveLength(1000);
			expect(env.sandbox.peakInFlight).toBeLessThanOrEqual(5);
			expect(env.sandbox.peakInFlight).toBeGreaterThan(1);
			expect(new Set(items.map((i) => i.json.id)).size).toBe(1000);
			// Each output item is its input item's answer, in input order and paired with it.
			const names = new Map(
				(env.sandbox.collection('profiles') as Obj[]).map((profile) => [profile.id, profile.first_name]),
			);
			expect(items.map((item) => names.get(item.json.id as string))).toEqual(input.map(({ n }) => `P${n}`));
			expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, index) => ({ item: index })));
		});

		it('without Continue On Fail the first failing item stops the run: the items after it are not sent', async () => {
			const emails = (bad: number) =>
				Array.from({ length: 60 }, (_, i) => ({ email: i === bad ? 'not-an-email' : `p${i}@example.com` }));
			// One request at a time: exactly the items up to the failing one reach the API.
			const one = await env.engine.run(
				{ resource: 'profile', operation: 'create', email: '={{ $json.email }}', options: { maxInFlight: 1 } },
				emails(3),
			);
			expect(one.error?.message).toBe('Hellotext rejected "email": invalid - The email is not valid. (HTTP 422)');
			expect(env.sandbox.requestsTo('/v1/profiles', 'POST').map((r) => (r.body as Obj).email)).toEqual(
				emails(3).slice(0, 4).map((input) => input.email),
			);
			// The default bound (5): the items prepared ahead and waiting for a slot are not sent either.
			env.sandbox.requests = [];
			env.sandbox.latencyMs = 20;
			const five = await create({ email: '={{ $json.email }}' }, emails(0));
			expect(five.error?.message).toContain('(HTTP 422)');
			expect(env.sandbox.requestsTo('/v1/profiles', 'POST').length).toBeLessThanOrEqual(5);
		});

		it('n8n’s Request Options apply to the writes’ own loop: Batching spaces the items, Timeout ends a slow request', async () => {
			const input = Array.from({ length: 4 }, (_, i) => ({ n: i }));
			await env.engine.run(
				{ resource: 'profile', operation: 'create', firstName: '={{ "B" + $json.n }}', requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 400 } } } },
				input,
			);
			const times = env.sandbox.requests.map((r) => r.at!).sort((a, b) => a - b);
			expect(times).toHaveLength(4);
			expect(times[2] - times[1]).toBeGreaterThanOrEqual(380);
			env.sandbox.requests = [];
			const id = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Slow' }) as Obj).id;
			env.sandbox.latencyMs = 1000;
			const { error } = await env.engine.run({ resource: 'profile', operation: 'delete', profileId: locator(id), requestOptions: { timeout: 100 } });
			expect(error?.message).toMatch(/^Could not reach Hellotext \(E[A-Z]+\) after 5 attempts$/);
			expect(env.sandbox.requestsTo(`/v1/profiles/${id}`, 'DELETE').length).toBe(5);
		});

		it('the bound is an option', async () => {
			env.sandbox.latencyMs = 3;
			const input = Array.from({ length: 200 }, (_, i) => ({ n: i }));
			const { items } = await env.engine.run(
				{ resource: 'profile', operation: 'create', firstName: 'x', options: { maxInFlight: 2 } },
				input,
			);
			expect(items).toHaveLength(200);
			expect(env.sandbox.peakInFlight).toBeLessThanOrEqual(2);
		});

		it('a pause between batches spaces the batches out', async () => {
			const input = Array.from({ length: 6 }, (_, i) => ({ n: i }));
			await env.engine.run(
				{ resource: 'profile', operation: 'create', firstName: 'x', options: { maxInFlight: 3, batchPauseMs: 300 } },
				input,
			);
			const times = env.sandbox.requests.map((r) => r.at!).sort((a, b) => a - b);
			expect(times[3] - times[0]).toBeGreaterThanOrEqual(280);
		});
	});

	describe('the Base URL', () => {
		it('is read from the credential, with or without /v1 and a trailing slash', async () => {
			const { Engine } = await import('../../../support/engine');
			for (const baseUrl of [env.sandbox.url, `${env.sandbox.url}/`, `${env.sandbox.url}/v1/`]) {
				env.sandbox.requests = [];
				const engine = new Engine({ baseUrl, token: env.sandbox.token });
				const { error } = await engine.run({ resource: 'profile', operation: 'create', firstName: 'x' });
				expect(error).toBeUndefined();
				expect(env.sandbox.requests[0].path).toBe('/v1/profiles');
			}
		});

		it('must be http(s)', async () => {
			const { Engine } = await import('../../../support/engine');
			const engine = new Engine({ baseUrl: 'ftp://files.example.com', token: env.sandbox.token });
			const { error } = await engine.run({ resource: 'profile', operation: 'create', firstName: 'x' });
			expect(error?.message).toBe('The Base URL in the Hellotext credential must start with http:// or https://');
		});
	});

	describe('secrets', () => {
		it('the token appears in no output item and no error', async () => {
			const token = env.sandbox.token;
			env.sandbox.faults.push({ path: '/v1/profiles', status: 401, body: { errors: [{ type: 'unauthorized', message: 'No valid API key.' }] } });
			env.sandbox.faults.push({ method: 'POST', path: '/v1/profiles', status: 500, after: 1 });
			env.sandbox.faults.push({ method: 'GET', destroy: true, times: 10 });
			const runs = [
				await create({ firstName: 'a' }),
				await create({ firstName: 'b' }),
				await create({ firstName: 'c' }, [{}], { onError: 'continueRegularOutput' }),
				await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator('Abcdefgh') }),
				await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator('Abcdefgh') }, [{}], { node: { onError: 'continueRegularOutput' } }),
			];
			const seen = new WeakSet();
			const dump = (value: unknown): string =>
				JSON.stringify(value, function (_key, v) {
					if (v && typeof v === 'object') {
						if (seen.has(v)) return '[seen]';
						seen.add(v);
						if (v instanceof Error) {
							return Object.fromEntries(Object.getOwnPropertyNames(v).map((k) => [k, (v as any)[k]]).concat([['cause', (v as any).cause]]));
						}
					}
					return v;
				});
			expect(runs.some((r) => r.error)).toBe(true);
			for (const run of runs) {
				const text = dump({ items: run.items, error: run.error, run: run.run?.data?.resultData });
				expect(text).not.toContain(token);
			}
		});
	});
});
