// The guides' additions to /v1/attribution/events over HTTP: custom objects by object_type with
// object or object_parameters, the new built-in actions, internal actions refused, and an action
// with events that cannot be deleted.
import { beforeEach, describe, expect, it } from 'vitest';

import { expectError, invalidOn, useHttpSandbox, type Obj } from './testing.ts';

describe('sandbox events (developer guides)', () => {
	const t = useHttpSandbox();
	const track = (body: Obj) => t.api('POST', '/v1/attribution/events', body);
	const events = () => t.sb.collection('events') as Obj[];
	const instances = () => t.sb.collection('object_instances') as Obj[];
	let profile: string;
	let repair: Obj;
	let ticket: Obj;
	let device: Obj;

	beforeEach(() => {
		profile = (t.sb.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id;
		t.sb.call('POST', '/v1/attribution/actions', { name: 'repair.opened' });
		t.sb.call('POST', '/v1/attribution/actions', { name: 'repair.closed' });
		repair = t.sb.call('POST', '/v1/objects', {
			title: 'Repairs',
			name: 'repair',
			properties: [
				{ kind: 'text', name: 'ticket', required: true, unique: true },
				{ kind: 'text', name: 'device' },
			],
		}) as Obj;
		[ticket, device] = repair.properties;
	});

	describe('custom objects', () => {
		it('object_parameters creates an instance; the event stores object_type (the structure id) and object', async () => {
			t.sb.now = () => 1_700_000_300;
			const answer = await track({ action: 'repair.opened', profile, object_type: 'repair', object_parameters: { ticket: 'RX-5521', device: 'Tablet' } });
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({ status: 'received' });
			expect(instances()).toEqual([
				{ id: expect.stringMatching(/^[A-Za-z0-9]{8}$/), type: 'object_instance', object_type: repair.id, properties: { ticket: 'RX-5521', device: 'Tablet' }, created_at: 1_700_000_300 },
			]);
			expect(events()).toHaveLength(1);
			expect(events()[0]).toMatchObject({
				action: { name: 'repair.opened' },
				profile,
				object_type: repair.id,
				object: instances()[0].id,
				trackable: { id: instances()[0].id, type: 'object_instance' },
			});
		});

		it('object_type may be the structure id; object_parameters may hold a property_by_id hash', async () => {
			await track({ action: 'repair.opened', profile, object_type: repair.id, object_parameters: { property_by_id: { [ticket.id]: 'RX-1', [device.id]: 'Phone' } } });
			await track({ action: 'repair.opened', profile, object_type: 'repair', object_parameters: { ticket: 'RX-2', property_by_id: { [device.id]: 'Laptop' } } });
			expect(instances().map((i) => i.properties)).toEqual([
				{ ticket: 'RX-1', device: 'Phone' },
				{ ticket: 'RX-2', device: 'Laptop' },
			]);
			expect(events().map((e) => e.object)).toEqual(instances().map((i) => i.id));
		});

		it('object names an existing instance of the structure; no instance is created', async () => {
			await track({ action: 'repair.opened', profile, object_type: 'repair', object_parameters: { ticket: 'RX-5521' } });
			const instance = instances()[0];
			const answer = await track({ action: 'repair.closed', profile, object_type: 'repair', object: instance.id });
			expect(answer.body).toEqual({ status: 'received' });
			expect(instances()).toHaveLength(1);
			expect(events()[1]).toMatchObject({ action: { name: 'repair.closed' }, object_type: repair.id, object: instance.id });
		});

		it('422: object unknown or of another structure; both object and object_parameters; either without object_type; object_type alone', async () => {
			const laptop = t.sb.call('POST', '/v1/objects', { title: 'Loans', name: 'loan', properties: [{ kind: 'text', name: 'code' }] }) as Obj;
			await track({ action: 'repair.opened', profile, object_type: 'loan', object_parameters: { code: 'L1' } });
			const loan = instances()[0];
			expect(loan.object_type).toBe(laptop.id);
			const before = events().length;
			invalidOn(await track({ action: 'repair.closed', profile, object_type: 'repair', object: 'NoSuch01' }), 'object');
			invalidOn(await track({ action: 'repair.closed', profile, object_type: 'repair', object: loan.id }), 'object');
			invalidOn(await track({ action: 'repair.closed', profile, object_type: 'repair', object: profile }), 'object');
			expectError(await track({ action: 'repair.closed', profile, object_type: 'repair', object: loan.id, object_parameters: { ticket: 'RX-9' } }), 422, 'ambiguous_parameter', 'object');
			invalidOn(await track({ action: 'repair.closed', profile, object: loan.id }), 'object_type');
			invalidOn(await track({ action: 'repair.opened', profile, object_parameters: { ticket: 'RX-9' } }), 'object_type');
			invalidOn(await track({ action: 'repair.opened', profile, object_type: 'repair' }), 'object');
			expect(events()).toHaveLength(before);
			expect(instances()).toHaveLength(1);
		});

		it('422 on object_type: unknown, or a built-in structure', async () => {
			for (const objectType of ['appointment', 'NoSuch01', 'order', 'BIorder0', 3]) {
				invalidOn(await track({ action: 'repair.opened', profile, object_type: objectType, object_parameters: { ticket: 'RX-1' } }), 'object_type');
			}
			expect(instances()).toEqual([]);
			expect(events()).toEqual([]);
		});

		it('422 on object_parameters: not a hash, unknown property names or ids, a required one missing, a unique value taken', async () => {
			await track({ action: 'repair.opened', profile, object_type: 'repair', object_parameters: { ticket: 'RX-5521' } });
			const bad: unknown[] = [
				'RX-1',
				['RX-1'],
				{},
				{ ticket: 'RX-1', colour: 'red' },
				{ ticket: 'RX-1', property_by_id: { NoSuch01: 'x' } },
				{ ticket: 'RX-1', property_by_id: 'x' },
				{ device: 'Tablet' },
				{ ticket: '', device: 'Tablet' },
				{ ticket: null },
				{ ticket: 'RX-5521', device: 'Other' },
				{ property_by_id: { [ticket.id]: 'RX-5521' } },
			];
			for (const params of bad) invalidOn(await track({ action: 'repair.opened', profile, object_type: 'repair', object_parameters: params }), 'object_parameters');
			expect(instances()).toHaveLength(1);
			expect(events()).toHaveLength(1);
			// Not unique: the device (a second instance may share it); a structure without properties takes no instance.
			expect((await track({ action: 'repair.opened', profile, object_type: 'repair', object_parameters: { ticket: 'RX-2' } })).status).toBe(200);
			t.sb.call('POST', '/v1/objects', { title: 'Empty', name: 'empty' });
			invalidOn(await track({ action: 'repair.opened', profile, object_type: 'empty', object_parameters: { anything: 1 } }), 'object_parameters');
		});

		it('a custom action without any of the three parameters still tracks (the object is optional)', async () => {
			expect((await track({ action: 'repair.opened', profile })).status).toBe(200);
			expect(events()[0]).not.toHaveProperty('object');
			expect(events()[0]).not.toHaveProperty('object_type');
		});
	});

	describe('built-in actions from the guides', () => {
		it('page.viewed, subscribed and unsubscribed need no object', async () => {
			for (const action of ['page.viewed', 'subscribed', 'unsubscribed']) {
				const answer = await track({ action, profile, url: 'https://shop.example.com/' });
				expect(answer, action).toMatchObject({ status: 200, body: { status: 'received' } });
			}
			expect(events().map((e) => [e.action.name, e.trackable, e.profile])).toEqual([
				['page.viewed', null, profile],
				['subscribed', null, profile],
				['unsubscribed', null, profile],
			]);
			expect(new Set(events().map((e) => e.action.id)).size).toBe(3);
		});

		it('cart.viewed and checkout.started take an optional cart, checked like other carts', async () => {
			const cart = t.sb.call('POST', '/v1/attribution/carts', { profile }) as Obj;
			for (const action of ['cart.viewed', 'checkout.started']) {
				expect((await track({ action, profile })).status).toBe(200);
				expect((await track({ action, profile, cart: cart.id })).status).toBe(200);
				expectError(await track({ action, profile, cart: 'NoSuch01' }), 404, 'not_found', 'cart');
			}
			expect(events().map((e) => [e.action.name, e.cart ?? null, e.trackable?.id ?? null])).toEqual([
				['cart.viewed', null, null],
				['cart.viewed', cart.id, cart.id],
				['checkout.started', null, null],
				['checkout.started', cart.id, cart.id],
			]);
			expect(t.sb.collection('carts')).toHaveLength(1);
		});

		it('order.printed_label and the other internal actions are refused (422 on action)', async () => {
			const order = t.sb.call('POST', '/v1/attribution/orders', {}) as Obj;
			for (const action of ['order.printed_label', 'product.browse_abandoned', 'product.price_changed', 'short_link.clicked']) {
				invalidOn(await track({ action, profile, order: order.id }), 'action');
			}
			// Not even an event type of that name (the reference's enum had order.printed_label) makes it trackable.
			t.sb.insert('actions', 'action', { name: 'order.printed_label', title: 'Printed label', goal: false, passive: true });
			invalidOn(await track({ action: 'order.printed_label', profile, order: order.id }), 'action');
			expect(events()).toEqual([]);
			expect((await track({ action: 'order.shipped', profile, order: order.id })).status).toBe(200);
		});
	});

	describe('deleting an action (event type)', () => {
		it('one with tracked events is refused: 422 not_allowed on id; the action and its events stay', async () => {
			const action = (t.sb.collection('actions') as Obj[]).find((a) => a.name === 'repair.opened')!;
			await track({ action: 'repair.opened', profile });
			const answer = await t.api('DELETE', `/v1/attribution/actions/${action.id}`);
			expectError(answer, 422, 'not_allowed', 'id');
			expect(t.sb.find('actions', action.id)).toBeDefined();
			expect(events()).toHaveLength(1);
			// Once its events are gone, it can be deleted.
			expect((await t.api('DELETE', `/v1/attribution/events/${events()[0].id}`)).status).toBe(200);
			expect(await t.api('DELETE', `/v1/attribution/actions/${action.id}`)).toMatchObject({ status: 200, body: { id: action.id, type: 'action', deleted: true } });
			expect(t.sb.find('actions', action.id)).toBeUndefined();
		});

		it('one without events is deleted; another action’s events do not block it; an unknown one is 404', async () => {
			const closed = (t.sb.collection('actions') as Obj[]).find((a) => a.name === 'repair.closed')!;
			await track({ action: 'repair.opened', profile });
			expect((await t.api('DELETE', `/v1/attribution/actions/${closed.id}`)).body).toEqual({ id: closed.id, type: 'action', deleted: true });
			expectError(await t.api('DELETE', '/v1/attribution/actions/NoSuch01'), 404, 'not_found', 'id');
		});
	});
});
