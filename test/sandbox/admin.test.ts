// The admin routes bench/realN8n.ts drives a sandbox in another process with.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ADMIN_PREFIX, createSandbox, type HellotextSandbox, type SandboxStats } from './index.ts';

describe('sandbox admin routes', () => {
	let sandbox: HellotextSandbox;
	const call = async (method: string, path: string, body?: object, token = sandbox.token) => {
		const response = await fetch(`${sandbox.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
			body: body ? JSON.stringify(body) : undefined,
		});
		return { status: response.status, body: (await response.json()) as Record<string, any> };
	};
	const admin = (method: string, route: string, body?: object) => call(method, `${ADMIN_PREFIX}${route}`, body);
	const stats = async () => (await admin('GET', '/stats')).body as SandboxStats;

	beforeAll(async () => {
		sandbox = createSandbox('admin-token');
		await sandbox.start(0);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(async () => void (await admin('POST', '/reset')));

	it('seeds profiles that the API then lists, without logging or counting the admin calls', async () => {
		expect((await admin('POST', '/profiles', { count: 250 })).body).toEqual({ profiles: 250 });
		const page = await call('GET', '/v1/profiles?limit=100');
		expect(page.body.profiles).toHaveLength(100);
		expect(page.body.profiles[0]).toMatchObject({ first_name: 'P249', last_name: 'Bench', emails: ['p249@example.com'] });
		expect(await stats()).toEqual({ requests: 1, routes: { 'GET /v1/profiles': 1 }, statuses: { '200': 1 }, peakInFlight: 1, inFlight: 0 });
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v1/profiles']);
	});

	it('counts requests per route and status, and the most in flight at once', async () => {
		sandbox.latencyMs = 50;
		await Promise.all(Array.from({ length: 3 }, () => call('POST', '/v1/profiles', { first_name: 'Ada', email: 'ada@example.com' })));
		await call('GET', '/v1/profiles/nope1234');
		expect(await stats()).toEqual({
			requests: 4,
			routes: { 'POST /v1/profiles': 3, 'GET /v1/profiles/nope1234': 1 },
			statuses: { '200': 3, '404': 1 },
			peakInFlight: 3,
			inFlight: 0,
		});
		const { objects } = (await admin('GET', '/collections/profiles')).body;
		expect(objects).toHaveLength(3);
		expect(objects.map((p: { first_name: string; emails: string[] }) => [p.first_name, p.emails])).toEqual(Array(3).fill(['Ada', ['ada@example.com']]));
	});

	it('reset forgets objects, the request log and the counters', async () => {
		await admin('POST', '/profiles', { count: 5 });
		await call('GET', '/v1/profiles');
		expect((await admin('POST', '/reset')).body).toEqual({ reset: true });
		expect(await stats()).toMatchObject({ requests: 0, routes: {}, peakInFlight: 0 });
		expect((await admin('GET', '/collections/profiles')).body.objects).toEqual([]);
	});

	it('needs the API token, and stays off the API prefix', async () => {
		expect((await call('POST', `${ADMIN_PREFIX}/reset`, undefined, 'wrong')).status).toBe(401);
		expect((await admin('POST', '/profiles', { count: -1 })).status).toBe(422);
		expect((await call('GET', '/v1/_sandbox/stats')).status).toBe(404);
		expect(ADMIN_PREFIX.startsWith('/v1')).toBe(false);
	});
});
