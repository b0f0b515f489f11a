import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Product', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const run = resourceRunner(env, 'product');

	crudCases(env, {
		resource: 'product',
		idParam: 'productId',
		path: '/attribution/products',
		listKey: 'products',
		type: 'product',
		seed: (n) => ({ name: `Product ${n}`, sku: `SKU-${n}` }),
		simplified: ['id', 'type', 'name', 'brand', 'reference', 'sku', 'source', 'price', 'url', 'image_url', 'created_at'],
	});

	it('Create sends the name and every field built from the UI, lists as arrays and variants as rows', async () => {
		const { items, error } = await run('create', {
			productName: 'Yeezy Boost 350 v2',
			productAdditionalFields: {
				brand: 'Adidas',
				categories: 'shoes, sneakers',
				collection: '350 v2',
				tags: ' Sneakers ,, limited',
				url: 'https://shop.example.com/yeezy',
				imageUrl: 'https://example.com/y.jpg',
				metadata: { values: [{ key: 'color', value: 'black' }] },
				priceAmount: 220,
				priceCurrency: 'USD',
				reference: 'REF-1',
				sku: 'YZY-350',
				source: 'shopify',
				variants: {
					variant: [
						{ name: 'Size 42', sku: 'YZY-42', reference: '', imageUrl: '', priceAmount: '230', priceCurrency: 'USD' },
						{ name: 'Size 43', sku: 'YZY-43', reference: 'R43', imageUrl: '', priceAmount: '', priceCurrency: '' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/products', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			name: 'Yeezy Boost 350 v2',
			brand: 'Adidas',
			categories: ['shoes', 'sneakers'],
			collection: ['350 v2'],
			tags: ['Sneakers', 'limited'],
			url: 'https://shop.example.com/yeezy',
			image_url: 'https://example.com/y.jpg',
			metadata: { color: 'black' },
			price: { amount: 220, currency: 'USD' },
			reference: 'REF-1',
			sku: 'YZY-350',
			source: 'shopify',
			variants: [
				{ name: 'Size 42', sku: 'YZY-42', price: { amount: 230, currency: 'USD' } },
				{ name: 'Size 43', sku: 'YZY-43', reference: 'R43' },
			],
		});
		const product = items[0].json as Obj;
		expect(product).toMatchObject({
			type: 'product',
			name: 'Yeezy Boost 350 v2',
			categories: ['shoes', 'sneakers'],
			tags: ['Sneakers', 'limited'],
			price: { amount: 220, currency: 'USD' },
		});
		expect(product.variants.map((v: Obj) => v.sku)).toEqual(['YZY-350', 'YZY-42', 'YZY-43']);
	});

	it('Create sends lists given as arrays by expression, and variants as JSON', async () => {
		const { items, error } = await run('create', {
			productName: 'Tee',
			productAdditionalFields: {
				tags: '={{ ["a", "b"] }}',
				variantsJson: '[{"name": "Red", "metadata": {"hex": "#f00"}}]',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({
			name: 'Tee',
			tags: ['a', 'b'],
			variants: [{ name: 'Red', metadata: { hex: '#f00' } }],
		});
		expect((items[0].json.variants as Obj[]).map((v) => v.name)).toEqual(['Tee', 'Red']);
	});

	it('Create refuses a price currency without amount and a variant without a name, before sending', async () => {
		const noAmount = await run('create', { productName: 'Tee', productAdditionalFields: { priceCurrency: 'USD' } });
		expect(noAmount.error?.message).toBe('"Price" has a currency but no amount');
		const noName = await run('create', {
			productName: 'Tee',
			productAdditionalFields: {
				variants: { variant: [{ name: '', sku: 'S', reference: '', imageUrl: '', priceAmount: '', priceCurrency: '' }] },
			},
		});
		expect(noName.error?.message).toBe('"Variants 1" has no name');
		const badCurrency = await run('create', { productName: 'Tee', productAdditionalFields: { priceAmount: 1, priceCurrency: 'US' } });
		expect(badCurrency.error?.message).toBe('"Price Currency" must be a three-letter ISO 4217 currency code, e.g. USD');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Get, Update and Delete address the product by SKU in the path', async () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Sock', sku: 'SO/CK 1' });
		const get = await run('get', { productId: locator('SO/CK 1', 'reference') });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/attribution/products/SO%2FCK%201', query: {} });
		expect(get.items[0].json.id).toBe(product.id);

		const update = await run('update', { productId: locator('SO/CK 1', 'reference'), productUpdateFields: { brand: 'Acme' } });
		expect(env.sandbox.requests[1]).toMatchObject({ method: 'PATCH', path: '/v1/attribution/products/SO%2FCK%201', body: { brand: 'Acme' } });
		expect(update.items[0].json).toMatchObject({ id: product.id, brand: 'Acme' });

		const removed = await run('delete', { productId: locator('SO/CK 1', 'reference') });
		expect(env.sandbox.requests[2]).toMatchObject({ method: 'DELETE', path: '/v1/attribution/products/SO%2FCK%201' });
		expect(removed.items[0].json).toEqual({ id: product.id, type: 'product', deleted: true });
	});

	it('Update adds new variants and changes the fields sent, keeping existing variants', async () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Tee', sku: 'TEE' });
		const { items, error } = await run('update', {
			productId: locator(product.id),
			productUpdateFields: {
				name: 'T-shirt',
				removeAllVariants: false,
				newVariants: {
					variant: [{ name: 'XL', sku: 'TEE-XL', reference: '', imageUrl: 'https://e.com/xl.png', priceAmount: '12', priceCurrency: 'EUR' }],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/products/${product.id as string}`, query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			name: 'T-shirt',
			new_variants: [{ name: 'XL', sku: 'TEE-XL', image_url: 'https://e.com/xl.png', price: { amount: 12, currency: 'EUR' } }],
		});
		expect((items[0].json.variants as Obj[]).map((v) => v.sku)).toEqual(['TEE', 'TEE-XL']);
	});

	it('Update sends variants: [] only when Remove All Variants is on', async () => {
		const product = call('POST', '/v1/attribution/products', { name: 'Tee', variants: [{ name: 'S' }] });
		const emptyJson = await run('update', { productId: locator(product.id), productUpdateFields: { newVariantsJson: '[]' } });
		expect(emptyJson.error?.message).toBe('"New Variants (JSON)" is an empty list');
		expect(env.sandbox.requests).toHaveLength(0);

		const off = await run('update', { productId: locator(product.id), productUpdateFields: { tags: 'x' } });
		expect(env.sandbox.requests[0].body).toEqual({ tags: ['x'] });
		expect(off.items[0].json.variants).toHaveLength(2);

		const on = await run('update', { productId: locator(product.id), productUpdateFields: { removeAllVariants: true } });
		expect(on.error).toBeUndefined();
		expect(env.sandbox.requests[1].body).toEqual({ variants: [] });
		expect(on.items[0].json.variants).toEqual([]);
	});
});
