import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('List', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'list');
	const createList = (name: string) => env.sandbox.call('POST', '/v1/lists', { name }) as Obj;
	const createProfile = () => (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Will E' }) as Obj).id as string;
	const listNames = (profileId: string) =>
		((env.sandbox.call('GET', `/v1/profiles/${profileId}`) as Obj).lists as Obj[]).map((l) => l.name);

	it('Create sends the name and returns the list', async () => {
		const { items, error } = await run('create', { listName: 'Beauty & Care' });
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/lists', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Beauty & Care' });
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json).sort()).toEqual(['created_at', 'id', 'name', 'type']);
		expect(items[0].json).toMatchObject({ type: 'list', name: 'Beauty & Care' });
	});

	it('Create of a name taken in another case comes back as the API error', async () => {
		createList('Greens');
		const { error } = await run('create', { listName: 'GREENS' });
		expect(error?.message).toContain('Hellotext rejected "name": parameter_not_unique');
		expect(error?.httpCode).toBe('422');
	});

	it('Get by ID and By Name (percent-encoded in the path) return the list', async () => {
		const list = createList('VIP customers');
		const byId = await run('get', { listId: locator(list.id) });
		const byName = await run('get', { listId: locator('VIP customers', 'name') });
		expect(env.sandbox.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', `/v1/lists/${list.id}`],
			['GET', '/v1/lists/VIP%20customers'],
		]);
		expect(byId.items.map((i) => i.json)).toEqual([list]);
		expect(byName.items.map((i) => i.json)).toEqual([list]);
	});

	it('Get names the missing list (404)', async () => {
		const { error } = await run('get', { listId: locator('Nope', 'name') });
		expect(error?.message).toBe('Hellotext has no list "Nope" (404)');
	});

	it('Update By Name sends the new name and returns the renamed list', async () => {
		const list = createList('Greens');
		const { items } = await run('update', {
			listId: locator('Greens', 'name'),
			listName: 'Loyal customers',
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: '/v1/lists/Greens', body: { name: 'Loyal customers' } });
		expect(items[0].json).toEqual({ ...list, name: 'Loyal customers' });
	});

	it('Delete By Name deletes the list and returns the deletion answer', async () => {
		const list = createList('Old & unused');
		const { items } = await run('delete', { listId: locator('Old & unused', 'name') });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: '/v1/lists/Old%20%26%20unused' });
		expect(items.map((i) => i.json)).toEqual([{ id: list.id, type: 'list', deleted: true }]);
		expect(env.sandbox.find('lists', list.id)).toBeUndefined();
	});

	it('Get Many sends the name prefix filter and returns the matching lists, newest first', async () => {
		const vip = createList('VIP');
		createList('Greens');
		const vipEs = createList('VIP Spain');
		const { items } = await run('getAll', {
			returnAll: false,
			limit: 10,
			listFilters: { nameStartsWith: 'VIP' },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/lists' });
		expect(env.sandbox.requests[0].query).toEqual({ name: 'VIP', limit: '10' });
		expect(items.map((i) => i.json.id)).toEqual([vipEs.id, vip.id]);
	});

	it('Get Many with Return All pages through every list', async () => {
		const ids = Array.from({ length: 102 }, (_, i) => createList(`L${i}`).id as string);
		const { items } = await run('getAll', { returnAll: true });
		expect(env.sandbox.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[2] },
		]);
		expect(items.map((i) => i.json.id)).toEqual([...ids].reverse());
	});

	it('the list search (From List) asks the API for names starting with the typed text', async () => {
		const vip = createList('VIP customers');
		createList('Greens');
		const ctx = env.engine.loadOptionsContext({ resource: 'list', operation: 'get' });
		const result = await new Hellotext().methods.listSearch.searchLists.call(ctx, 'VI');
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/lists', query: { name: 'VI', limit: '100' } });
		expect(result.results).toEqual([{ name: `VIP customers (${vip.id})`, value: vip.id }]);
		expect(result.paginationToken).toBeUndefined();
	});

	it('Add Profile by list name adds the profile and returns it', async () => {
		createList('VIP customers');
		const profileId = createProfile();
		const { items, error } = await run('addProfile', {
			listId: locator('VIP customers', 'name'),
			listProfileId: locator(profileId),
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: `/v1/lists/VIP%20customers/profiles/${profileId}`,
			query: {},
		});
		expect(env.sandbox.requests[0].body ?? {}).toEqual({});
		expect(items[0].json).toMatchObject({ id: profileId, type: 'profile', first_name: 'Will E' });
		expect((items[0].json.lists as Obj[]).map((l) => l.name)).toEqual(['VIP customers']);
		expect(items[0].json).not.toHaveProperty('_activity');
		expect(listNames(profileId)).toEqual(['VIP customers']);
	});

	it('Remove Profile by list ID removes the profile and returns it', async () => {
		const list = createList('Greens');
		const profileId = createProfile();
		env.sandbox.call('POST', `/v1/lists/${list.id}/profiles/${profileId}`);
		const { items } = await run('removeProfile', {
			listId: locator(list.id, 'list'),
			listProfileId: locator(profileId, 'list'),
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: `/v1/lists/${list.id}/profiles/${profileId}` });
		expect(items[0].json).toMatchObject({ id: profileId, lists: [] });
		expect(listNames(profileId)).toEqual([]);
	});

	it('Add Profile and Remove Profile refuse a list given neither ID nor name, sending nothing', async () => {
		const profileId = createProfile();
		for (const operation of ['addProfile', 'removeProfile']) {
			const blank = await run(operation, { listId: locator('', 'name'), listProfileId: locator(profileId) });
			expect(blank.error?.message).toContain('Parameter "List" is required');
			const empty = await run(operation, {
				listId: locator('={{ "" }}', 'name'),
				listProfileId: locator(profileId),
			});
			expect(empty.error?.message).toMatch(/^"listId" is empty/);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Add Profile to a missing list reports the API’s 404', async () => {
		const profileId = createProfile();
		const { error } = await run('addProfile', {
			listId: locator('Nope', 'name'),
			listProfileId: locator(profileId),
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toContain('This list was not found');
	});
});
