import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

/** A coupon as the API takes it, and the node's fields that send it. */
const sale = {
	code: 'SALE',
	description: 'Get 15% off all our summer sale',
	destination_url: 'https://www.myshop.com/redeem/SALE',
};
const saleFields = { code: sale.code, description: sale.description, destinationUrl: sale.destination_url };

describe('Coupon', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'coupon');

	it('Create sends code, description, destination URL and reference, and returns the coupon', async () => {
		const { items, error } = await run('create', {
			...saleFields,
			couponAdditionalFields: { reference: 'SHOP-77' },
		});
		expect(error).toBeUndefined();
		const [request] = env.sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/v1/coupons', query: {} });
		expect(request.body).toEqual({ ...sale, reference: 'SHOP-77' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ type: 'coupon', ...sale, reference: 'SHOP-77' });
		expect(env.sandbox.find('coupons', items[0].json.id as string)).toBeDefined();
	});

	it('Create without reference sends no reference; a duplicate code comes back as the API error', async () => {
		await run('create', saleFields);
		expect(env.sandbox.requests[0].body).toEqual(sale);
		const { error } = await run('create', saleFields);
		expect(error?.message).toBe(
			'Hellotext rejected "code": parameter_not_unique - The value must be unique and it is already present in another object of the same type. (HTTP 422)',
		);
	});

	it('Update sends the three required fields and the reference set, and returns the coupon', async () => {
		const coupon = env.sandbox.call('POST', '/v1/coupons', sale) as Obj;
		const { items } = await run('update', {
			couponId: locator(coupon.id),
			code: 'SALE15',
			description: sale.description,
			destinationUrl: sale.destination_url,
			couponUpdateFields: { reference: 'R-2' },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/coupons/${coupon.id}` });
		expect(env.sandbox.requests[0].body).toEqual({ ...sale, code: 'SALE15', reference: 'R-2' });
		expect(items[0].json).toEqual({ ...coupon, code: 'SALE15', reference: 'R-2' });
	});

	it('Update refuses an empty required field before sending', async () => {
		const coupon = env.sandbox.call('POST', '/v1/coupons', sale) as Obj;
		const { error } = await run('update', {
			couponId: locator(coupon.id),
			code: 'SALE15',
			description: '',
			destinationUrl: sale.destination_url,
		});
		expect(error?.message).toContain('Parameter "Description" is required');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	crudCases(env, {
		resource: 'coupon',
		idParam: 'couponId',
		path: '/coupons',
		listKey: 'coupons',
		type: 'coupon',
		seed: (n) => ({ ...sale, code: `SALE${n}` }),
	});
});
