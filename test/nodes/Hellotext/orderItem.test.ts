import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Order Item', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const run = resourceRunner(env, 'orderItem');
	const seed = () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Shoe', sku: 'SHOE-1', price: { amount: 50, currency: 'USD' } });
		const order = call('POST', '/v1/attribution/orders', { items: [{ product: product.id, quantity: 1 }] });
		return { product, order, item: order.items[0] as Obj };
	};

	it('Create posts the product (by SKU), price and quantity to the order and the total follows', async () => {
		const { product, order } = seed();
		const { items, error } = await run('create', {
			orderItemOrderId: locator(order.id),
			orderItemProductId: locator('SHOE-1', 'reference'),
			orderItemAdditionalFields: { priceAmount: 40, priceCurrency: 'usd', quantity: 3 },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v1/attribution/orders/${order.id as string}/items`, query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ product: 'SHOE-1', quantity: 3, price: { amount: 40, currency: 'USD' } });
		expect(items[0].json).toMatchObject({ type: 'order_item', product: product.id, quantity: 3, order: order.id, price: { amount: '40.00' } });
		expect(call('GET', `/v1/attribution/orders/${order.id as string}`).total.amount).toBe('170.00');
	});

	it('Create with only the product sends just the product', async () => {
		const { product, order } = seed();
		const { items } = await run('create', { orderItemOrderId: locator(order.id, 'list'), orderItemProductId: locator(product.id, 'list') });
		expect(env.sandbox.requests[0].body).toEqual({ product: product.id });
		expect(items[0].json).toMatchObject({ product: product.id, quantity: 1, price: { amount: '50.00' } });
	});

	it('Create refuses a price currency without amount, before sending', async () => {
		const { error } = await run('create', {
			orderItemOrderId: locator('ro4a731w'),
			orderItemProductId: locator('SHOE-1', 'reference'),
			orderItemAdditionalFields: { priceCurrency: 'EUR' },
		});
		expect(error?.message).toBe('"Price" has a currency but no amount');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Create names the order that does not exist (404)', async () => {
		const { error } = await run('create', { orderItemOrderId: locator('NoSuch01'), orderItemProductId: locator('x') });
		expect(error?.message).toBe('Hellotext has no order "NoSuch01" (404)');
	});

	it('Update patches the price and quantity of the item', async () => {
		const { order, item } = seed();
		const { items, error } = await run('update', {
			orderItemOrderId: locator(order.id),
			orderItemId: item.id,
			orderItemUpdateFields: { quantity: 5, priceAmount: 45.5 },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({
			method: 'PATCH',
			path: `/v1/attribution/orders/${order.id as string}/items/${item.id as string}`,
			query: {},
			body: { quantity: 5, price: { amount: 45.5 } },
		});
		expect(env.sandbox.requests[0].body).toEqual({ quantity: 5, price: { amount: 45.5 } });
		expect(items[0].json).toMatchObject({ id: item.id, quantity: 5, order: order.id, price: { amount: '45.50' } });
	});

	it('Update names the order item that does not exist (404)', async () => {
		const { order } = seed();
		const { error } = await run('update', { orderItemOrderId: locator(order.id), orderItemId: 'NoSuch01', orderItemUpdateFields: { quantity: 2 } });
		expect(error?.message).toBe('Hellotext has no order item "NoSuch01" (404)');
	});

	it('Delete removes the item from the order', async () => {
		const { order, item } = seed();
		const { items, error } = await run('delete', { orderItemOrderId: locator(order.id), orderItemId: item.id });
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `/v1/attribution/orders/${order.id as string}/items/${item.id as string}`,
			query: {},
		});
		expect(env.sandbox.requests[0].body).toBeUndefined();
		expect(items[0].json).toEqual({ id: item.id, type: 'order_item', deleted: true });
		expect(call('GET', `/v1/attribution/orders/${order.id as string}`).items).toEqual([]);
	});

	it('an empty order item id is refused before sending', async () => {
		const { error } = await run('delete', { orderItemOrderId: locator('ro4a731w'), orderItemId: '={{ "" }}' });
		expect(error?.message).toMatch(/^"orderItemId" is empty/);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
