// PATCH /v1/sessions/:id over HTTP: attaching works, moving a session to another profile does not (the guides).
import { describe, expect, it } from 'vitest';

import { expectError, useHttpSandbox, type Obj } from './testing.ts';

describe('sandbox sessions', () => {
	const t = useHttpSandbox();
	const newProfile = () => (t.sb.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id as string;
	const attach = (session: string, profile: unknown) => t.api('PATCH', `/v1/sessions/${session}`, { profile });

	it('attaches an unassigned session (and its carts) to a profile: 200 with the session and its profile', async () => {
		const ada = newProfile();
		const session = t.sb.insert('sessions', 'session', { profile: null });
		const cart = t.sb.call('POST', '/v1/attribution/carts', { session: session.id }) as Obj;
		const answer = await attach(session.id, ada);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ id: session.id, type: 'session', created_at: session.created_at, profile: ada });
		expect(t.sb.find('carts', cart.id)?.profile).toBe(ada);
	});

	it('attaching the same profile again works', async () => {
		const ada = newProfile();
		const session = t.sb.insert('sessions', 'session', { profile: ada });
		expect(await attach(session.id, ada)).toMatchObject({ status: 200, body: { id: session.id, profile: ada } });
	});

	it('a session of another profile is not moved: 422 session_assigned_to_another_profile on profile', async () => {
		const [ada, grace] = [newProfile(), newProfile()];
		const session = t.sb.insert('sessions', 'session', { profile: ada });
		const cart = t.sb.call('POST', '/v1/attribution/carts', { profile: ada, session: session.id }) as Obj;
		expectError(await attach(session.id, grace), 422, 'session_assigned_to_another_profile', 'profile');
		expect(t.sb.find('sessions', session.id)?.profile).toBe(ada);
		expect(t.sb.find('carts', cart.id)?.profile).toBe(ada);
	});

	it('an unknown session or profile is 404; no profile is 400', async () => {
		const ada = newProfile();
		const session = t.sb.insert('sessions', 'session', { profile: null });
		expectError(await attach('NoSuch01', ada), 404, 'not_found', 'id');
		expectError(await attach(session.id, 'NoSuch01'), 404, 'not_found', 'id');
		expectError(await t.api('PATCH', `/v1/sessions/${session.id}`, {}), 400, 'parameter_missing', 'profile');
		expect(t.sb.find('sessions', session.id)?.profile).toBeNull();
	});
});
