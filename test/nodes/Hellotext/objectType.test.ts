import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Object Type', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const run = resourceRunner(env, 'objectType');
	const repair = () =>
		call('POST', '/v1/objects', {
			title: 'Repairs',
			name: 'repair',
			properties: [
				{ kind: 'text', name: 'ticket', required: true, unique: true },
				{ kind: 'text', name: 'device' },
			],
		});

	it('Create sends the title, the name and the properties, and returns the structure with their ids', async () => {
		const { items, error } = await run('create', {
			objectTypeTitle: 'Appointments',
			objectTypeName: 'appointment',
			objectTypeProperties: {
				property: [
					{ name: 'service', kind: 'text', required: true, unique: false },
					{ name: 'room', kind: 'text', required: false, unique: false },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/objects', status: 201 });
		expect(env.sandbox.requests[0].body).toEqual({
			title: 'Appointments',
			name: 'appointment',
			properties: [
				{ name: 'service', kind: 'text', required: true, unique: false },
				{ name: 'room', kind: 'text', required: false, unique: false },
			],
		});
		expect(items[0].json).toMatchObject({ type: 'object', name: 'appointment', built_in: false });
		expect((items[0].json.properties as Obj[]).map((p) => p.id)).toEqual([expect.stringMatching(/^\w{8}$/), expect.stringMatching(/^\w{8}$/)]);
	});

	it('Create refuses a property without a name, or a name twice, before sending', async () => {
		const base = { objectTypeTitle: 'Repairs', objectTypeName: 'repair' };
		const noName = await run('create', { ...base, objectTypeProperties: { property: [{ name: ' ', kind: 'text' }] } });
		expect(noName.error?.message).toBe('"Properties 1" has no name');
		const twice = await run('create', { ...base, objectTypeProperties: { property: [{ name: 'a', kind: 'text' }, { name: 'a', kind: 'text' }] } });
		expect(twice.error?.message).toBe('"Properties" has the name "a" twice');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Get by name or ID, and Get Many with the built-in structures', async () => {
		const structure = repair();
		const byName = await run('get', { objectTypeId: locator('repair', 'name') });
		expect(env.sandbox.requests[0].path).toBe('/v1/objects/repair');
		expect(byName.items[0].json).toEqual(structure);
		const all = await run('getAll', { returnAll: true });
		const names = all.items.map((i) => i.json.name);
		expect(names).toContain('repair');
		expect(names).toEqual(expect.arrayContaining(['order', 'product', 'location']));
	});

	it('Update keeps every property: reads the type, sends all properties back with their ids and the changes, then reads it again', async () => {
		const structure = repair();
		const [ticket, device] = structure.properties as Obj[];
		const { items, error } = await run('update', {
			objectTypeId: locator(structure.id),
			objectTypePropertyChanges: {
				property: [
					{ name: 'device', kind: 'text', required: true, unique: false },
					{ name: 'technician', kind: 'text', required: false, unique: false },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /v1/objects/${structure.id}`,
			`PATCH /v1/objects/${structure.id}`,
			`GET /v1/objects/${structure.id}`,
		]);
		expect(env.sandbox.requests[1].body).toEqual({
			properties: [ticket, { ...device, required: true, unique: false }, { name: 'technician', kind: 'text', required: false, unique: false }],
		});
		// The sandbox's PATCH drops what it is not sent: ticket is still there.
		expect((items[0].json.properties as Obj[]).map((p) => [p.name, p.required])).toEqual([
			['ticket', true],
			['device', true],
			['technician', false],
		]);
	});

	it('Update refuses to change the kind of a property, before the PATCH', async () => {
		const structure = repair();
		const { error } = await run('update', {
			objectTypeId: locator(structure.id),
			objectTypePropertyChanges: { property: [{ name: 'ticket', kind: '={{ "number" }}', required: true, unique: true }] },
		});
		expect(error?.message).toBe('"ticket" is a text property: its kind cannot change');
		expect(env.sandbox.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('has no Delete (the guides document none), and the events’ picker lists only custom structures', async () => {
		const picker = new Hellotext().description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('objectType'))!;
		expect((picker.options as Obj[]).map((o) => o.value).sort()).toEqual(['create', 'get', 'getAll', 'update']);
		repair();
		const ctx = env.engine.loadOptionsContext({ resource: 'event', operation: 'track', eventType: 'custom' });
		const { results } = await new Hellotext().methods.listSearch.searchCustomObjectTypes.call(ctx);
		expect(results.map((r) => r.name)).toEqual([expect.stringMatching(/^Repairs \(repair\)/)]);
	});
});
