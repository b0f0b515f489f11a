import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Property', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'property');
	const createProfile = () => (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id as string;
	const createProperty = (body: Obj) => env.sandbox.call('POST', '/v1/properties', body) as Obj;

	it('Create sends kind, name, position and unique, and returns the property', async () => {
		createProperty({ kind: 'text', name: 'First' });
		const { items, error } = await run('create', {
			kind: 'text',
			propertyAdditionalFields: { name: 'My Property', position: 1, unique: true },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/properties', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ kind: 'text', name: 'My Property', position: 1, unique: true });
		expect(items[0].json).toMatchObject({
			type: 'property',
			kind: 'text',
			name: 'My Property',
			position: 1,
			profile: null,
			unique: true,
		});
	});

	it('Create of an email property sends the profile it belongs to', async () => {
		const profileId = createProfile();
		const { items } = await run('create', {
			kind: 'email',
			propertyProfileId: locator(profileId),
			propertyAdditionalFields: { name: 'work' },
		});
		expect(env.sandbox.requests[0].body).toEqual({ kind: 'email', profile: profileId, name: 'work' });
		expect(items[0].json).toMatchObject({ kind: 'email', name: 'work', profile: profileId });
	});

	it('Create of a text property never sends a profile, even one left in the parameters', async () => {
		await run('create', { kind: 'text', propertyProfileId: locator('MzYwlE50') });
		expect(env.sandbox.requests[0].body).toEqual({ kind: 'text' });
	});

	it('Create refuses address, email and phone properties without a profile, sending nothing', async () => {
		for (const kind of ['address', 'email', 'phone']) {
			const missing = await run('create', { kind });
			expect(missing.error?.message).toContain('Parameter "Profile" is required');
			const empty = await run('create', { kind, propertyProfileId: locator('={{ "" }}') });
			expect(empty.error?.message).toBe(`"Profile" is required for a property of kind ${kind}`);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Create refuses a unique checkbox, date or tags property and names the reference rules break', async () => {
		const cases: Array<[Obj, string]> = [
			[{ kind: 'checkbox', propertyAdditionalFields: { unique: true } }, '"Unique" is not possible for a property of kind checkbox'],
			[{ kind: 'tags', propertyAdditionalFields: { unique: true } }, '"Unique" is not possible for a property of kind tags'],
			[{ kind: 'text', propertyAdditionalFields: { name: '1st-name' } }, '"Name" cannot start with a number'],
			[{ kind: 'text', propertyAdditionalFields: { name: '{name}' } }, '"Name" cannot contain curly brackets'],
		];
		for (const [parameters, message] of cases) {
			const { error } = await run('create', { ...parameters });
			expect(error?.message).toBe(message);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Get returns the property', async () => {
		const property = createProperty({ kind: 'number', name: 'Score' });
		const { items } = await run('get', { propertyId: locator(property.id) });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v1/properties/${property.id}`, query: {} });
		expect(items.map((i) => i.json)).toEqual([property]);
	});

	it('Update sends name, position and unique, and returns the property', async () => {
		const first = createProperty({ kind: 'text', name: 'A' });
		const property = createProperty({ kind: 'text', name: 'My Property' });
		const { items } = await run('update', {
			propertyId: locator(property.id),
			propertyUpdateFields: { name: 'My Renamed Property', position: 1, unique: true },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/properties/${property.id}` });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'My Renamed Property', position: 1, unique: true });
		expect(items[0].json).toEqual({ ...property, name: 'My Renamed Property', position: 1, unique: true });
		expect(env.sandbox.find('properties', first.id)?.position).toBe(2);
	});

	it('Update with Move to Bottom sends an empty position; with a position too it is refused', async () => {
		const property = createProperty({ kind: 'text', name: 'Top' });
		createProperty({ kind: 'text', name: 'Other' });
		const { items } = await run('update', {
			propertyId: locator(property.id),
			propertyUpdateFields: { moveToBottom: true },
		});
		expect(env.sandbox.requests[0].body).toEqual({ position: '' });
		expect(items[0].json.position).toBe(2);
		const refused = await run('update', {
			propertyId: locator(property.id),
			propertyUpdateFields: { moveToBottom: true, position: 1 },
		});
		expect(refused.error?.message).toBe('"Position" and "Move to Bottom" cannot be sent together');
		const badName = await run('update', {
			propertyId: locator(property.id),
			propertyUpdateFields: { name: '9lives' },
		});
		expect(badName.error?.message).toBe('"Name" cannot start with a number');
		expect(env.sandbox.requests).toHaveLength(1);
	});

	it('Delete returns the deletion answer', async () => {
		const property = createProperty({ kind: 'url', name: 'Site' });
		const { items } = await run('delete', { propertyId: locator(property.id) });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: `/v1/properties/${property.id}` });
		expect(items.map((i) => i.json)).toEqual([{ id: property.id, type: 'property', deleted: true }]);
		expect(env.sandbox.find('properties', property.id)).toBeUndefined();
	});

	it('Get Many sends the profile filter and returns that profile’s properties, newest first', async () => {
		const profileId = createProfile();
		createProperty({ kind: 'text', name: 'Shared' });
		const work = createProperty({ kind: 'email', name: 'work', profile: profileId });
		const home = createProperty({ kind: 'phone', name: 'home', profile: profileId });
		const { items } = await run('getAll', {
			returnAll: true,
			propertyFilters: { profile: locator(profileId) },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/properties' });
		expect(env.sandbox.requests[0].query).toEqual({ profile: profileId, limit: '100' });
		expect(items.map((i) => i.json.id)).toEqual([home.id, work.id]);
	});

	it('Get Many without a filter (or an empty one) lists every property up to the limit', async () => {
		const ids = ['a', 'b', 'c'].map((name) => createProperty({ kind: 'text', name }).id);
		const { items } = await run('getAll', {
			returnAll: false,
			limit: 2,
			propertyFilters: { profile: locator('') },
		});
		expect(env.sandbox.requests[0].query).toEqual({ limit: '2' });
		expect(items.map((i) => i.json.id)).toEqual([ids[2], ids[1]]);
	});
});
