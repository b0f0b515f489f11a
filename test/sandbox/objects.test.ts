// /v1/objects over HTTP: built-in and custom object structures, create (201), the properties PATCH.
import { describe, expect, it } from 'vitest';

import { expectError, invalidOn, useHttpSandbox, type Obj } from './testing.ts';

const BUILT_IN = [
	['BIapps00', 'Apps', 'app'],
	['BIcarts0', 'Carts', 'cart'],
	['BIforms0', 'Forms', 'form'],
	['BIlocat0', 'Locations', 'location'],
	['BIorder0', 'Orders', 'order'],
	['BIprodu0', 'Products', 'product'],
	['BIrefun0', 'Refunds', 'refund'],
];

describe('sandbox object structures', () => {
	const t = useHttpSandbox();
	const repair = {
		title: 'Repairs',
		name: 'repair',
		properties: [
			{ kind: 'text', name: 'ticket', required: true, unique: true },
			{ kind: 'text', name: 'device', required: false, unique: false },
		],
	};
	const create = (body: Obj) => t.api('POST', '/v1/objects', body);
	const created = async (body: Obj) => {
		const answer = await create(body);
		expect(answer.status, JSON.stringify(answer.body)).toBe(201);
		return answer.body;
	};
	const custom = () => (t.sb.collection('objects') as Obj[]).filter((o) => !o.built_in);

	it('the built-in structures are always there, with stable ids, newest first after the custom ones', async () => {
		const answer = await t.api('GET', '/v1/objects');
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body)).toEqual(['objects']);
		expect(answer.body.objects.map((o: Obj) => [o.id, o.title, o.name])).toEqual([...BUILT_IN].reverse());
		expect(answer.body.objects[2]).toEqual({ id: 'BIorder0', type: 'object', title: 'Orders', name: 'order', built_in: true, properties: [], created_at: expect.any(Number) });
		const mine = await created(repair);
		t.sb.reset();
		const again = await t.api('GET', '/v1/objects');
		expect(again.body.objects.map((o: Obj) => o.id)).toEqual([...BUILT_IN].reverse().map(([id]) => id));
		expect(again.body.objects.map((o: Obj) => o.id)).not.toContain(mine.id);
		await created(repair);
		const withCustom = await t.api('GET', '/v1/objects?limit=2');
		expect(withCustom.body.objects.map((o: Obj) => o.name)).toEqual(['repair', 'refund']);
	});

	it('GET /v1/objects/:id finds a structure by id or by name; unknown is 404', async () => {
		const mine = await created(repair);
		expect((await t.api('GET', '/v1/objects/BIlocat0')).body).toMatchObject({ id: 'BIlocat0', name: 'location', title: 'Locations', built_in: true });
		expect((await t.api('GET', '/v1/objects/order')).body.id).toBe('BIorder0');
		expect((await t.api('GET', `/v1/objects/${mine.id}`)).body).toEqual(mine);
		expect((await t.api('GET', '/v1/objects/repair')).body).toEqual(mine);
		expectError(await t.api('GET', '/v1/objects/appointment'), 404, 'not_found', 'id');
	});

	it('POST creates a custom structure: 201, each property with an id, required, unique and modifiable', async () => {
		t.sb.now = () => 1_700_000_200;
		const answer = await create({ ...repair, properties: [...repair.properties, { kind: 'money', name: 'quote' }] });
		expect(answer.status).toBe(201);
		const id = expect.stringMatching(/^[A-Za-z0-9]{8}$/);
		expect(answer.body).toEqual({
			id,
			type: 'object',
			title: 'Repairs',
			name: 'repair',
			built_in: false,
			properties: [
				{ id, name: 'ticket', kind: 'text', required: true, unique: true, modifiable: true },
				{ id, name: 'device', kind: 'text', required: false, unique: false, modifiable: true },
				{ id, name: 'quote', kind: 'money', required: false, unique: false, modifiable: true },
			],
			created_at: 1_700_000_200,
		});
		expect(new Set(answer.body.properties.map((p: Obj) => p.id)).size).toBe(3);
		expect(custom()).toEqual([answer.body]);
		const kinds = ['text', 'number', 'date', 'time', 'boolean', 'list', 'money', 'url', 'payment_method', 'sales_channel'];
		const every = await created({ title: 'Everything', name: 'every_kind_2', properties: kinds.map((kind) => ({ kind, name: `p_${kind}` })) });
		expect(every.properties.map((p: Obj) => p.kind)).toEqual(kinds);
		expect((await created({ title: 'Bare', name: 'bare' })).properties).toEqual([]);
	});

	it('POST refuses (422) a missing title, a name that is not a lower-case technical name, a name taken, bad properties', async () => {
		await created(repair);
		invalidOn(await create({ ...repair, name: 'r2', title: undefined }), 'title');
		invalidOn(await create({ ...repair, name: 'r2', title: '' }), 'title');
		for (const name of [undefined, '', 'Repair', 'repair-job', '1repair', 'repair job', '_repair', 7]) invalidOn(await create({ ...repair, name }), 'name');
		expectError(await create({ ...repair, title: 'Again' }), 422, 'parameter_not_unique', 'name');
		expectError(await create({ title: 'My orders', name: 'order' }), 422, 'parameter_not_unique', 'name');
		const badProperties: unknown[] = [
			'ticket',
			{ kind: 'text', name: 'ticket' },
			['ticket'],
			[{ kind: 'string', name: 'ticket' }],
			[{ kind: 'checkbox', name: 'ticket' }],
			[{ name: 'ticket' }],
			[{ kind: 'text' }],
			[{ kind: 'text', name: '' }],
			[{ kind: 'text', name: 'ticket', required: 'yes' }],
			[{ kind: 'text', name: 'ticket', unique: 1 }],
			[{ kind: 'text', name: 'ticket' }, { kind: 'number', name: 'ticket' }],
		];
		for (const properties of badProperties) invalidOn(await create({ title: 'Jobs', name: 'job', properties }), 'properties');
		expect(custom().map((o) => o.name)).toEqual(['repair']);
	});

	describe('PATCH manages the properties', () => {
		it('entries with an id update that property, without one are added, left out are removed; title and name stay', async () => {
			const mine = await created(repair);
			const [ticket, device] = mine.properties;
			const answer = await t.api('PATCH', `/v1/objects/${mine.id}`, {
				title: 'Renamed',
				name: 'renamed',
				properties: [
					{ id: ticket.id, name: 'ticket_number', unique: false },
					{ kind: 'date', name: 'opened_on', required: true },
				],
			});
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({
				...mine,
				properties: [
					{ ...ticket, name: 'ticket_number', unique: false },
					{ id: expect.stringMatching(/^[A-Za-z0-9]{8}$/), name: 'opened_on', kind: 'date', required: true, unique: false, modifiable: true },
				],
			});
			expect(answer.body.properties.map((p: Obj) => p.id)).not.toContain(device.id);
			expect((await t.api('GET', '/v1/objects/repair')).body).toEqual(answer.body);
			expectError(await t.api('GET', '/v1/objects/renamed'), 404, 'not_found', 'id');
		});

		it('works on built-in structures and by name; no properties sent changes nothing', async () => {
			const order = await t.api('PATCH', '/v1/objects/order', { properties: [{ kind: 'text', name: 'gift_note' }] });
			expect(order.status).toBe(200);
			expect(order.body).toMatchObject({ id: 'BIorder0', built_in: true, name: 'order', properties: [{ name: 'gift_note', kind: 'text', modifiable: true }] });
			const unchanged = await t.api('PATCH', '/v1/objects/BIorder0', { title: 'Purchases' });
			expect(unchanged.body).toEqual(order.body);
			expect((await t.api('PATCH', '/v1/objects/BIorder0', { properties: [] })).body.properties).toEqual([]);
			expectError(await t.api('PATCH', '/v1/objects/NoSuch01', { properties: [] }), 404, 'not_found', 'id');
		});

		it('refuses (422 on properties) a kind change, an id the structure does not have, repeated names, a bad new entry; nothing changes', async () => {
			const mine = await created(repair);
			const [ticket, device] = mine.properties;
			const path = `/v1/objects/${mine.id}`;
			const bad: unknown[] = [
				[{ id: ticket.id, kind: 'number' }, device],
				[{ id: 'NoSuch01', name: 'x' }],
				[ticket, { ...device, name: 'ticket' }],
				[ticket, device, { kind: 'text', name: 'device' }],
				[ticket, { kind: 'colour', name: 'shade' }],
				[{ id: ticket.id, required: 'maybe' }],
				[{ id: ticket.id, name: '' }],
				{ ticket: 'text' },
			];
			for (const properties of bad) invalidOn(await t.api('PATCH', path, { properties }), 'properties');
			expect(t.sb.find('objects', mine.id)).toEqual(mine);
		});
	});

	it('there is no DELETE (it answers like any method a path does not have) and no instance route', async () => {
		const mine = await created(repair);
		const unrouted = await t.api('DELETE', '/v1/sessions/Vdqlg4nL');
		const answer = await t.api('DELETE', `/v1/objects/${mine.id}`);
		expect(answer).toMatchObject({ status: unrouted.status, body: unrouted.body });
		expect(answer.status).toBe(405);
		expect(answer.body.errors[0].type).toBe('not_allowed');
		expect((await t.api('GET', `/v1/objects/${mine.id}`)).status).toBe(200);
		expect((await t.api('GET', `/v1/objects/${mine.id}/instances`)).status).toBe(404);
	});
});
