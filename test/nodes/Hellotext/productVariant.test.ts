import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Product Variant', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const run = resourceRunner(env, 'productVariant');
	const seed = () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Tee', sku: 'TEE', variants: [{ name: 'Red', sku: 'TEE-RED' }] });
		return { product, variant: product.variants[1] as Obj };
	};

	it('Create posts to the parent product addressed by SKU, with the name and fields built from the UI', async () => {
		const { product } = seed();
		const { items, error } = await run('create', {
			productVariantProductId: locator('TEE', 'reference'),
			productVariantName: 'Blue',
			productVariantAdditionalFields: {
				sku: 'TEE-BLUE',
				reference: 'B-1',
				imageUrl: 'https://e.com/blue.png',
				metadata: { values: [{ key: 'hex', value: '#00f' }] },
				priceAmount: 19.9,
				priceCurrency: 'EUR',
				source: 'shopify',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/products/TEE/variants', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			name: 'Blue',
			sku: 'TEE-BLUE',
			reference: 'B-1',
			image_url: 'https://e.com/blue.png',
			metadata: { hex: '#00f' },
			price: { amount: 19.9, currency: 'EUR' },
			source: 'shopify',
		});
		expect(items[0].json).toMatchObject({
			type: 'product_variant',
			product: product.id,
			name: 'Blue',
			sku: 'TEE-BLUE',
			metadata: { hex: '#00f' },
			price: { amount: 19.9, currency: 'EUR' },
		});
	});

	it('Create names the parent product that does not exist (404)', async () => {
		const { error } = await run('create', { productVariantProductId: locator('NOPE', 'reference'), productVariantName: 'X' });
		expect(error?.message).toBe('Hellotext has no product "NOPE" (404)');
	});

	it('Create refuses a price without amount, before sending', async () => {
		const { error } = await run('create', { productVariantProductId: locator('TEE'), productVariantName: 'X', productVariantAdditionalFields: { priceCurrency: 'EUR' } });
		expect(error?.message).toBe('"Price" has a currency but no amount');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Get, Update and Delete address the variant by SKU under /attribution/variants', async () => {
		const { variant } = seed();
		const get = await run('get', { productVariantId: locator('TEE-RED', 'reference') });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/attribution/variants/TEE-RED', query: {} });
		expect(get.items[0].json).toEqual(variant);

		const update = await run('update', {
			productVariantId: locator('TEE-RED', 'reference'),
			productVariantName: 'Crimson',
			productVariantUpdateFields: { sku: 'TEE-CRIMSON', metadataJson: '{"hex": "#dc143c"}' },
		});
		expect(update.error).toBeUndefined();
		expect(env.sandbox.requests[1]).toMatchObject({ method: 'PATCH', path: '/v1/attribution/variants/TEE-RED', query: {} });
		expect(env.sandbox.requests[1].body).toEqual({ name: 'Crimson', sku: 'TEE-CRIMSON', metadata: { hex: '#dc143c' } });
		expect(update.items[0].json).toMatchObject({ id: variant.id, name: 'Crimson', sku: 'TEE-CRIMSON' });

		const removed = await run('delete', { productVariantId: locator(variant.id, 'list') });
		expect(env.sandbox.requests[2]).toMatchObject({ method: 'DELETE', path: `/v1/attribution/variants/${variant.id as string}` });
		expect(removed.items[0].json).toEqual({ id: variant.id, type: 'product_variant', deleted: true });
	});

	it('Get names the variant that does not exist (404)', async () => {
		const { error } = await run('get', { productVariantId: locator('NoSuch01') });
		expect(error?.message).toBe('Hellotext has no product variant "NoSuch01" (404)');
	});
});
