import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Refund', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const run = resourceRunner(env, 'refund');
	const seedOrder = () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Shoe', price: { amount: 199.95, currency: 'USD' } });
		return call('POST', '/v1/attribution/orders', { items: [{ product: product.id }] });
	};

	crudCases(env, {
		resource: 'refund',
		idParam: 'refundId',
		path: '/attribution/refunds',
		listKey: 'refunds',
		type: 'refund',
		seed: (n) => ({ reference: `RF-${n}` }),
	});

	it('Create sends the order, profile, total, metadata, reference and source built from the UI', async () => {
		const order = seedOrder();
		const profile = call('POST', '/v1/profiles', { first_name: 'Ada' }).id as string;
		const { items, error } = await run('create', {
			refundAdditionalFields: {
				order: locator(order.id, 'list'),
				profile: locator(profile),
				totalAmount: 19.9,
				totalCurrency: 'USD',
				metadata: { values: [{ key: 'reason', value: 'size' }] },
				reference: 'RF-1',
				source: 'shopify',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/refunds', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			order: order.id,
			profile,
			total: { amount: 19.9, currency: 'USD' },
			metadata: { reason: 'size' },
			reference: 'RF-1',
			source: 'shopify',
		});
		expect(items[0].json).toMatchObject({
			type: 'refund',
			profile,
			reference: 'RF-1',
			refundable: { id: order.id, type: 'order', amount: '199.95' },
			total: { amount: 19.9, currency: 'USD' },
		});
	});

	it('Create with only an order lets the total come from the order', async () => {
		const order = seedOrder();
		const { items } = await run('create', { refundAdditionalFields: { order: locator(order.id) } });
		expect(env.sandbox.requests[0].body).toEqual({ order: order.id });
		expect(items[0].json.total).toMatchObject({ amount: 199.95, currency: 'USD' });
	});

	it('Create refuses a total without amount, before sending', async () => {
		const { error } = await run('create', { refundAdditionalFields: { totalCurrency: 'USD' } });
		expect(error?.message).toBe('"Total" has a currency but no amount');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Update sends the product, total and fields set', async () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Hat', price: { amount: 15, currency: 'EUR' } });
		const refund = call('POST', '/v1/attribution/refunds', { reference: 'old' });
		const { items, error } = await run('update', {
			refundId: locator(refund.id),
			refundUpdateFields: { product: locator(product.id), totalAmount: 24.9, metadataJson: { note: 'late' } },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/refunds/${refund.id as string}`, query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ product: product.id, total: { amount: 24.9 }, metadata: { note: 'late' } });
		expect(items[0].json).toMatchObject({
			id: refund.id,
			reference: 'old',
			refundable: { id: product.id, type: 'product' },
			total: { amount: 24.9, currency: 'USD' },
			metadata: { note: 'late' },
		});
	});
});
