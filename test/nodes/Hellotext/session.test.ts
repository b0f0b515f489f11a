import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Session', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'session');
	const createProfile = () => (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id as string;

	it('Attach Profile sends PATCH /sessions/:id with the profile and returns the session', async () => {
		const session = env.sandbox.insert('sessions', 'session', { profile: null });
		const profileId = createProfile();
		const { items, error } = await run('attachProfile', {
			sessionId: session.id,
			sessionProfileId: locator(profileId),
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/sessions/${session.id}`, query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ profile: profileId });
		expect(items.map((i) => i.json)).toEqual([{ id: session.id, type: 'session', created_at: session.created_at, profile: profileId }]);
	});

	it('Attach Profile with the profile picked From List; a session of another profile is not moved (the guides)', async () => {
		const first = createProfile();
		const second = createProfile();
		const session = env.sandbox.insert('sessions', 'session', { profile: null });
		const attached = await run('attachProfile', { sessionId: session.id, sessionProfileId: locator(first, 'list') });
		expect(attached.error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({ profile: first });
		const moved = await run('attachProfile', { sessionId: session.id, sessionProfileId: locator(second, 'list') });
		expect(env.sandbox.requests[1].body).toEqual({ profile: second });
		expect(moved.error?.httpCode).toBe('422');
		expect(moved.error?.message).toContain('session_assigned_to_another_profile');
		expect(env.sandbox.find('sessions', session.id)?.profile).toBe(first);
	});

	it('a session id is one path segment, and an unknown one is named in the 404', async () => {
		const profileId = createProfile();
		const { error } = await run('attachProfile', {
			sessionId: 'abc/def',
			sessionProfileId: locator(profileId),
		});
		expect(env.sandbox.requests[0].path).toBe('/v1/sessions/abc%2Fdef');
		expect(error?.message).toBe('Hellotext has no session "abc/def" (404)');
	});

	it('an empty session id or profile is refused before sending', async () => {
		const session = env.sandbox.insert('sessions', 'session', { profile: null });
		const noSession = await run('attachProfile', {
			sessionId: '={{ "" }}',
			sessionProfileId: locator('MzYwlE50'),
		});
		expect(noSession.error?.message).toMatch(/"sessionId" is empty/);
		const noProfile = await run('attachProfile', {
			sessionId: session.id,
			sessionProfileId: locator(''),
		});
		expect(noProfile.error?.message).toContain('Parameter "Profile" is required');
		const emptyProfile = await run('attachProfile', {
			sessionId: session.id,
			sessionProfileId: locator('={{ "" }}'),
		});
		expect(emptyProfile.error?.message).toBe('"Profile" is required');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
