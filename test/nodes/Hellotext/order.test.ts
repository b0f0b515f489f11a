import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Order', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const seedProduct = (sku: string, amount = 10) =>
		call('POST', '/v1/attribution/products', { name: `Product ${sku}`, sku, price: { amount, currency: 'USD' } });
	const run = resourceRunner(env, 'order');

	crudCases(env, {
		resource: 'order',
		idParam: 'orderId',
		path: '/attribution/orders',
		listKey: 'orders',
		type: 'order',
		seed: (n) => ({ reference: `ORDER-${n}` }),
		simplified: ['id', 'type', 'name', 'reference', 'source', 'delivery', 'total', 'items', 'profile', 'created_at'],
	});

	it('Create sends delivery, items, metadata, reference and source built from the UI fields', async () => {
		const shoe = seedProduct('SHOE-1', 120);
		const { items, error } = await run('create', {
			orderAdditionalFields: {
				delivery: 'collect',
				items: { item: [{ product: 'SHOE-1', quantity: 2, priceAmount: '100', priceCurrency: 'USD' }] },
				metadata: { values: [{ key: 'store', value: 'Montevideo' }] },
				reference: '1234',
				source: 'pos',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/orders', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			delivery: 'collect',
			items: [{ product: 'SHOE-1', quantity: 2, price: { amount: 100, currency: 'USD' } }],
			metadata: { store: 'Montevideo' },
			reference: '1234',
			source: 'pos',
		});
		const order = items[0].json as Obj;
		expect(order).toMatchObject({ type: 'order', delivery: 'collect', reference: '1234', source: 'pos', metadata: { store: 'Montevideo' } });
		expect(order.items).toHaveLength(1);
		expect(order.items[0]).toMatchObject({ type: 'order_item', product: shoe.id, quantity: 2, price: { amount: '100.00', currency: 'USD' } });
		expect(order.total).toMatchObject({ amount: '200.00', currency: 'USD' });
	});

	it('Create and Update send the guides’ name, payment method and sales channel; Create has no total', async () => {
		const { items, error } = await run('create', {
			orderAdditionalFields: { name: 'Order #55', paymentMethod: 'Cash', salesChannel: 'Kiosk', delivery: 'collect', source: 'custom_store' },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Order #55', payment_method: 'Cash', sales_channel: 'Kiosk', delivery: 'collect', source: 'custom_store' });
		expect(items[0].json).toMatchObject({ name: 'Order #55', payment_method: 'Cash', sales_channel: 'Kiosk' });
		const id = items[0].json.id as string;
		await run('update', { orderId: locator(id), orderUpdateFields: { paymentMethod: 'Visa' } });
		expect(env.sandbox.requests[1].body).toEqual({ payment_method: 'Visa' });
		const collection = new Hellotext().description.properties.find((p) => p.name === 'orderAdditionalFields')!;
		expect((collection.options as Obj[]).map((o) => o.name)).not.toContain('totalAmount');
	});

	it('Create sends items given as JSON, and nothing else when nothing else is set', async () => {
		seedProduct('A', 3);
		const { items, error } = await run('create', {
			orderAdditionalFields: { itemsJson: [{ product: 'A', quantity: 4 }] },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({ items: [{ product: 'A', quantity: 4 }] });
		expect(items[0].json.total).toMatchObject({ amount: '12.00' });
	});

	it('Create refuses both item rows and items JSON, and malformed JSON, before sending', async () => {
		const both = await run('create', {
			orderAdditionalFields: {
				items: { item: [{ product: 'A', quantity: 1, priceAmount: '', priceCurrency: '' }] },
				itemsJson: '[{"product": "B"}]',
			},
		});
		expect(both.error?.message).toBe('"Items" and "Items (JSON)" cannot be sent together');
		const malformed = await run('create', { orderAdditionalFields: { itemsJson: '[{"product": ' } });
		expect(malformed.error?.message).toBe('"Items (JSON)" is not valid JSON');
		const notNumber = await run('create', {
			orderAdditionalFields: { items: { item: [{ product: 'A', quantity: 1, priceAmount: 'ten', priceCurrency: '' }] } },
		});
		expect(notNumber.error?.message).toBe('"Items 1 Price Amount" must be a non-negative number, e.g. 19.90');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Update sends delivery, metadata (JSON), reference and source only', async () => {
		const order = call('POST', '/v1/attribution/orders', { delivery: 'deliver', reference: 'old' });
		const { items, error } = await run('update', {
			orderId: locator(order.id),
			orderUpdateFields: { delivery: 'collect', metadataJson: '{"gift": true}', reference: 'new', source: 'web' },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/orders/${order.id as string}`, query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ delivery: 'collect', metadata: { gift: true }, reference: 'new', source: 'web' });
		expect(items[0].json).toMatchObject({ id: order.id, delivery: 'collect', metadata: { gift: true }, reference: 'new', source: 'web' });
	});

	it('Update refuses Metadata and Metadata (JSON) together', async () => {
		const { error } = await run('update', {
			orderId: locator('ro4a731w'),
			orderUpdateFields: { metadata: { values: [{ key: 'a', value: '1' }] }, metadataJson: '{"b": 2}' },
		});
		expect(error?.message).toBe('"Metadata" and "Metadata (JSON)" cannot be sent together');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('the operation list says "an order"', async () => {
		const picker = new Hellotext().description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'order',
		);
		expect((picker?.options as Obj[]).map((o) => o.action)).toEqual([
			'Create an order',
			'Delete an order',
			'Get an order',
			'Get many orders',
			'Update an order',
		]);
	});
});
