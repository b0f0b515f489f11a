import { describe, expect, it } from 'vitest';

import { locator, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Profile', () => {
	const env = useSandbox();
	const createProfile = (body: Obj) => (env.sandbox.call('POST', '/v1/profiles', body) as Obj).id as string;
	const profile = (id: string) => env.sandbox.call('GET', `/v1/profiles/${id}`) as Obj;

	it('Create sends every chosen field as JSON with the bearer token and returns the new id', async () => {
		env.sandbox.call('POST', '/v1/properties', { kind: 'checkbox', name: 'Active' });
		const property = env.sandbox.call('POST', '/v1/properties', { kind: 'text', name: 'Shoe size' }) as Obj;
		const { items, error } = await env.engine.run({
			resource: 'profile',
			operation: 'create',
			firstName: 'Will E',
			lastName: 'Coyote',
			phone: '+59899000001',
			email: '',
			profileAdditionalFields: {
				lists: ['Greens', 'VIP'],
				subscribe: true,
				namedEmails: { values: [{ key: 'work', value: 'will@acme.com' }] },
				properties: { values: [{ key: 'Active', value: 'true' }] },
				propertiesById: { values: [{ key: property.id, value: '42' }] },
				addressSuggest: 'Av. Luis Alberto de Herrera 1248, Montevideo',
			},
		});
		expect(error).toBeUndefined();
		const [request] = env.sandbox.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/profiles');
		expect(request.headers.authorization).toBe('Bearer test-token-123');
		expect(request.headers['content-type']).toContain('application/json');
		expect(request.body).toEqual({
			first_name: 'Will E',
			last_name: 'Coyote',
			phone: '+59899000001',
			lists: ['Greens', 'VIP'],
			subscribe: true,
			email: { work: 'will@acme.com' },
			property: { Active: 'true' },
			property_by_id: { [property.id]: '42' },
			address: { suggest: 'Av. Luis Alberto de Herrera 1248, Montevideo' },
		});
		expect(items).toHaveLength(1);
		const id = items[0].json.id as string;
		expect(id).toMatch(/^[A-Za-z0-9]{8}$/);
		const stored = profile(id);
		expect(stored.state).toBe('subscribed');
		expect(stored.emails).toEqual(['will@acme.com']);
		expect(stored.lists.map((l: Obj) => l.name)).toEqual(['Greens', 'VIP']);
	});

	it('Create refuses a default email together with named emails, before sending anything', async () => {
		const { error } = await env.engine.run({
			resource: 'profile',
			operation: 'create',
			email: 'a@b.co',
			profileAdditionalFields: { namedEmails: { values: [{ key: 'work', value: 'c@d.co' }] } },
		});
		expect(error?.message).toBe('"Email" and "Named Emails" cannot be sent together');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Create refuses malformed Address (JSON), naming the field', async () => {
		const { error } = await env.engine.run({
			resource: 'profile',
			operation: 'create',
			profileAdditionalFields: { addressJson: '{"city": ' },
		});
		expect(error?.message).toBe('"Address (JSON)" is not valid JSON');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Get returns the whole profile object', async () => {
		const id = createProfile({ first_name: 'Ada', email: 'ada@example.com' });
		const { items } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id), simplify: false });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v1/profiles/${id}` });
		expect(items[0].json).toEqual(profile(id));
		expect(items[0].json).toMatchObject({ id, type: 'profile', first_name: 'Ada', emails: ['ada@example.com'] });
	});

	it('Get with Simplify (the default) keeps the fields people map most', async () => {
		const id = createProfile({ first_name: 'Ada', last_name: 'L', email: 'ada@example.com', phone: '+59899000001', lists: ['VIP'] });
		const { items } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id) });
		const stored = profile(id);
		expect(Object.keys(stored).length).toBeGreaterThan(10);
		const keep = ['id', 'type', 'first_name', 'last_name', 'emails', 'phones', 'state', 'lists', 'created_at'];
		expect(items[0].json).toEqual(Object.fromEntries(keep.map((key) => [key, stored[key]])));
	});

	it('Get with a profile picked From List uses the picked id', async () => {
		const id = createProfile({ first_name: 'Ada' });
		const { items } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id, 'list') });
		expect(items[0].json.id).toBe(id);
	});

	it('Get names the profile that does not exist (404)', async () => {
		const { error } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator('NoSuch01') });
		expect(error?.message).toBe('Hellotext has no profile "NoSuch01" (404)');
		expect(error?.httpCode).toBe('404');
	});

	it('Update sends only the fields set, and an empty value on purpose removes it', async () => {
		const id = createProfile({ first_name: 'Ada', email: 'ada@example.com', phone: '+59899000001' });
		const { items } = await env.engine.run({
			resource: 'profile',
			operation: 'update',
			profileId: locator(id),
			profileUpdateFields: { lastName: 'Lovelace', email: '', newDefaultPhone: '+59899000002' },
		});
		expect(env.sandbox.requests[0]).toMatchObject({
			method: 'PATCH',
			path: `/v1/profiles/${id}`,
			body: { last_name: 'Lovelace', email: '', new_default_phone: '+59899000002' },
		});
		expect(items[0].json).toEqual({ id, updated: true });
		const stored = profile(id);
		expect(stored.last_name).toBe('Lovelace');
		expect(stored.emails).toEqual([]);
		expect(stored.phones).toEqual(['+59899000002', '+59899000001']);
	});

	it('Update with Subscribe sends subscribe with the changes, and the profile is subscribed', async () => {
		const id = createProfile({ first_name: 'Ada' });
		expect(profile(id).state).toBe('unconfirmed');
		await env.engine.run({
			resource: 'profile',
			operation: 'update',
			profileId: locator(id),
			profileUpdateFields: { firstName: 'Ada L', subscribe: true },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', body: { first_name: 'Ada L', subscribe: true } });
		expect(profile(id).state).toBe('subscribed');
	});

	it('Update with an empty list selection removes the profile from every list', async () => {
		const id = createProfile({ lists: ['A', 'B'] });
		await env.engine.run({ resource: 'profile', operation: 'update', profileId: locator(id), profileUpdateFields: { lists: [] } });
		expect(env.sandbox.requests[0].body).toEqual({ lists: [] });
		expect(profile(id).lists).toEqual([]);
	});

	it('Delete clears the profile', async () => {
		const id = createProfile({ first_name: 'Gone' });
		const { items } = await env.engine.run({ resource: 'profile', operation: 'delete', profileId: locator(id) });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: `/v1/profiles/${id}` });
		expect(items[0].json).toEqual({ id, type: 'profile', deleted: true });
		expect(() => profile(id)).toThrow(/404/);
	});

	it('Get Many sends the filters and the sort order, and returns one item per profile', async () => {
		createProfile({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' });
		createProfile({ first_name: 'Bob', email: 'bob@example.com' });
		const { items } = await env.engine.run({
			resource: 'profile',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			profileFilters: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '' },
			sortBy: 'created_at',
		});
		expect(env.sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v1/profiles',
			query: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', order: 'created_at', limit: '10' },
		});
		expect(env.sandbox.requests[0].query).not.toHaveProperty('phone');
		expect(items.map((i) => i.json.first_name)).toEqual(['Ada']);
	});

	it('Get Many with the property filter finds profiles by a property value', async () => {
		env.sandbox.call('POST', '/v1/properties', { kind: 'text', name: 'Tier' });
		createProfile({ first_name: 'Gold', property: { Tier: 'gold' } });
		createProfile({ first_name: 'Plain' });
		const { items } = await env.engine.run({ resource: 'profile', operation: 'getAll', returnAll: true, profileFilters: { propertyValue: 'gold' } });
		expect(env.sandbox.requests[0].query).toMatchObject({ property: 'gold', limit: '100' });
		expect(items.map((i) => i.json.first_name)).toEqual(['Gold']);
	});

	it('Subscribe and Unsubscribe change the state and return the profile', async () => {
		const id = createProfile({ first_name: 'Sam' });
		const subscribed = await env.engine.run({ resource: 'profile', operation: 'subscribe', profileId: locator(id) });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v1/profiles/${id}/subscribe` });
		expect(subscribed.items[0].json).toMatchObject({ id, state: 'subscribed' });
		const unsubscribed = await env.engine.run({ resource: 'profile', operation: 'unsubscribe', profileId: locator(id) });
		expect(env.sandbox.requests[1]).toMatchObject({ method: 'POST', path: `/v1/profiles/${id}/unsubscribe` });
		expect(unsubscribed.items[0].json).toMatchObject({ id, state: 'unsubscribed' });
	});

	it('Verify Contact and Unverify Contact send the phone or email', async () => {
		const id = createProfile({ phone: '+59899000001', email: 'v@example.com' });
		const verified = await env.engine.run({
			resource: 'profile',
			operation: 'verify',
			profileId: locator(id),
			contactType: 'phone',
			contact: '+59899000001',
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v1/profiles/${id}/verify`, body: { phone: '+59899000001' } });
		expect(verified.items[0].json).toEqual({ verified: true });
		expect(profile(id).verified_phones).toEqual(['+59899000001']);

		const unverified = await env.engine.run({
			resource: 'profile',
			operation: 'unverify',
			profileId: locator(id),
			contactType: 'email',
			contact: 'v@example.com',
		});
		expect(env.sandbox.requests[1]).toMatchObject({ method: 'DELETE', path: `/v1/profiles/${id}/verify`, body: { email: 'v@example.com' } });
		expect(unverified.items[0].json).toEqual({ verified: false });
	});

	it('an id with slash, query and fragment characters reaches the API as one path segment', async () => {
		for (const id of ['a/b?c', '../x', 'a#b', '%2F', 'sp ace', 'ñandú']) {
			env.sandbox.requests = [];
			const { error } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id) });
			expect(env.sandbox.requests).toHaveLength(1);
			expect(env.sandbox.requests[0].path).toBe(`/v1/profiles/${encodeURIComponent(id)}`);
			expect(env.sandbox.requests[0].query).toEqual({});
			expect(error?.message).toBe(`Hellotext has no profile "${id}" (404)`);
		}
	});

	it('an empty or dot-only id is refused before anything is sent', async () => {
		const blank = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator('') });
		expect(blank.error?.message).toContain('Parameter "Profile" is required');
		for (const id of ['={{ "" }}', '  ', '.', '..']) {
			const { error } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id) });
			expect(error?.message).toMatch(/^"profileId" (is empty|cannot be)/);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	describe('Create or Update', () => {
		// Contact fields (firstName, ...) are top-level; the rest goes to Additional Fields.
		const upsert = (matchValue: string, { firstName, subscribe }: Obj = {}, matchBy = 'email') =>
			env.engine.run({
				resource: 'profile',
				operation: 'upsert',
				matchBy,
				[matchBy]: matchValue,
				...(firstName === undefined ? {} : { firstName }),
				profileAdditionalFields: subscribe === undefined ? {} : { subscribe },
			});

		it('creates the profile when none has the email, and says so', async () => {
			const { items, error } = await upsert('new@example.com', { firstName: 'New', subscribe: true });
			expect(error).toBeUndefined();
			const [find, create, read] = env.sandbox.requests;
			expect(find).toMatchObject({ method: 'GET', path: '/v1/profiles', query: { email: 'new@example.com', limit: '2' } });
			expect(create).toMatchObject({ method: 'POST', path: '/v1/profiles', body: { first_name: 'New', subscribe: true, email: 'new@example.com' } });
			expect(read).toMatchObject({ method: 'GET', path: `/v1/profiles/${items[0].json.id}` });
			expect(items[0].json).toMatchObject({ result: 'created', profile: { first_name: 'New', emails: ['new@example.com'], state: 'subscribed' } });
		});

		it('updates the one profile with that phone, sending only the changes', async () => {
			const id = createProfile({ first_name: 'Old', phone: '+59899000009' });
			const { items } = await upsert('+59899000009', { firstName: 'Renamed' }, 'phone');
			expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /v1/profiles',
				`PATCH /v1/profiles/${id}`,
				`GET /v1/profiles/${id}`,
			]);
			expect(env.sandbox.requests[0].query).toMatchObject({ phone: '+59899000009' });
			expect(env.sandbox.requests[1].body).toEqual({ first_name: 'Renamed' });
			expect(items[0].json).toMatchObject({ result: 'updated', id, profile: { id, first_name: 'Renamed' } });
		});

		it('fails clearly when several profiles match, changing nothing', async () => {
			const a = createProfile({ first_name: 'A', email: 'twin@example.com' });
			const b = createProfile({ first_name: 'B', email: 'twin@example.com' });
			const { error } = await upsert('twin@example.com', { firstName: 'Both' });
			expect(error?.message).toBe('Several profiles have the email "twin@example.com": cannot tell which one to update');
			expect(error?.description).toContain(a);
			expect(error?.description).toContain(b);
			expect(env.sandbox.requests.map((r) => r.method)).toEqual(['GET']);
			expect(profile(a).first_name).toBe('A');
		});
	});
});
