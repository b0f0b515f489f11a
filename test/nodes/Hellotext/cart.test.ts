import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Cart', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const seedProfile = () => call('POST', '/v1/profiles', { first_name: 'Ada' }).id as string;
	const seedProduct = (sku: string, amount = 10) =>
		call('POST', '/v1/attribution/products', { name: `Product ${sku}`, sku, price: { amount, currency: 'USD' } });
	const run = resourceRunner(env, 'cart');

	crudCases(env, {
		resource: 'cart',
		idParam: 'cartId',
		path: '/attribution/carts',
		listKey: 'carts',
		type: 'cart',
		seed: (n) => ({ session: `session-${n}` }),
	});

	it('Create sends the profile, items, metadata, reference and source built from the UI fields', async () => {
		const profile = seedProfile();
		const shoe = seedProduct('SHOE-1', 120);
		seedProduct('SOCK-1', 5);
		const { items, error } = await run('create', {
			cartProfileId: locator(profile, 'list'),
			cartAdditionalFields: {
				items: {
					item: [
						{ product: shoe.id, quantity: 2, priceAmount: '99.90', priceCurrency: 'eur' },
						{ product: 'SOCK-1', quantity: 1, priceAmount: '', priceCurrency: '' },
					],
				},
				metadata: { values: [{ key: 'channel', value: 'web' }] },
				reference: 'CART-1',
				source: 'shopify',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		const [request] = env.sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/v1/attribution/carts', query: {} });
		expect(request.body).toEqual({
			profile,
			items: [
				{ product: shoe.id, quantity: 2, price: { amount: 99.9, currency: 'EUR' } },
				{ product: 'SOCK-1', quantity: 1 },
			],
			metadata: { channel: 'web' },
			reference: 'CART-1',
			source: 'shopify',
		});
		const cart = items[0].json as Obj;
		expect(cart).toMatchObject({ type: 'cart', profile, session: null, reference: 'CART-1', metadata: { channel: 'web' } });
		expect(cart.items.map((i: Obj) => [i.product, i.quantity, i.price.amount, i.price.currency])).toEqual([
			[shoe.id, 2, '99.90', 'EUR'],
			[expect.any(String), 1, '5.00', 'USD'],
		]);
		expect(call('GET', `/v1/attribution/carts/${cart.id as string}`)).toEqual(cart);
	});

	it('Create with a session only sends the session, and the items as JSON', async () => {
		seedProduct('SKU-9');
		const { items, error } = await run('create', {
			cartSession: 'Vdqlg4nL',
			cartAdditionalFields: {
				itemsJson: '[{"product": "SKU-9", "quantity": 3, "price": {"amount": 7.5, "currency": "USD"}}]',
				metadataJson: '{"campaign": {"id": 7}}',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({
			session: 'Vdqlg4nL',
			items: [{ product: 'SKU-9', quantity: 3, price: { amount: 7.5, currency: 'USD' } }],
			metadata: { campaign: { id: 7 } },
		});
		expect(items[0].json).toMatchObject({ session: 'Vdqlg4nL', profile: null, metadata: { campaign: { id: 7 } } });
	});

	it('Create without profile and session is refused before sending', async () => {
		const { error } = await run('create', { cartSession: '', cartAdditionalFields: { reference: 'X' } });
		expect(error?.message).toBe('Set "Profile" or "Session": a cart belongs to one of them');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Create refuses an item price without amount, naming the row, before sending', async () => {
		const { error } = await run('create', {
			cartSession: 's1',
			cartAdditionalFields: { items: { item: [{ product: 'P1', quantity: 1, priceAmount: '', priceCurrency: 'USD' }] } },
		});
		expect(error?.message).toBe('"Items 1 Price" has a currency but no amount');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Create refuses a JSON item price without amount and an item without product', async () => {
		const noAmount = await run('create', {
			cartSession: 's1',
			cartAdditionalFields: { itemsJson: '[{"product": "P1", "price": {"currency": "USD"}}]' },
		});
		expect(noAmount.error?.message).toBe('"Items (JSON) 1 Price" has a currency but no amount');
		const noProduct = await run('create', { cartSession: 's1', cartAdditionalFields: { itemsJson: '[{"quantity": 1}]' } });
		expect(noProduct.error?.message).toBe('"Items (JSON) 1" has no product');
		const badCurrency = await run('create', {
			cartSession: 's1',
			cartAdditionalFields: { items: { item: [{ product: 'P1', quantity: 1, priceAmount: '3', priceCurrency: 'dollars' }] } },
		});
		expect(badCurrency.error?.message).toBe('"Items 1 Price Currency" must be a three-letter ISO 4217 currency code, e.g. USD');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Update replaces the items, adds new items and changes the owner and fields sent', async () => {
		const profile = seedProfile();
		const a = seedProduct('A', 1);
		const b = seedProduct('B', 2);
		const cart = call('POST', '/v1/attribution/carts', { session: 's1', items: [{ product: a.id }] });
		const { items, error } = await run('update', {
			cartId: locator(cart.id),
			cartUpdateFields: {
				items: { item: [{ product: 'B', quantity: 4, priceAmount: '', priceCurrency: '' }] },
				newItems: { item: [{ product: a.id, quantity: 1, priceAmount: '3', priceCurrency: '' }] },
				profile: locator(profile),
				session: 's2',
				reference: 'R2',
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/carts/${cart.id as string}`, query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			items: [{ product: 'B', quantity: 4 }],
			new_items: [{ product: a.id, quantity: 1, price: { amount: 3 } }],
			profile,
			session: 's2',
			reference: 'R2',
		});
		const updated = items[0].json as Obj;
		expect(updated).toMatchObject({ id: cart.id, profile, session: 's2', reference: 'R2' });
		expect(updated.items.map((i: Obj) => [i.product, i.quantity, i.price.amount])).toEqual([
			[b.id, 4, '2.00'],
			[a.id, 1, '3.00'],
		]);
	});

	it('Update sends items: [] only when Empty Cart is on', async () => {
		const a = seedProduct('A');
		const cart = call('POST', '/v1/attribution/carts', { session: 's1', items: [{ product: a.id }] });
		const off = await run('update', { cartId: locator(cart.id), cartUpdateFields: { emptyCart: false, source: 'pos' } });
		expect(off.error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({ source: 'pos' });
		expect((off.items[0].json.items as Obj[]).length).toBe(1);

		const noRows = await run('update', { cartId: locator(cart.id), cartUpdateFields: { items: { item: [] } } });
		expect(noRows.error).toBeUndefined();
		expect(env.sandbox.requests[1].body ?? {}).toEqual({});

		const emptyJson = await run('update', { cartId: locator(cart.id), cartUpdateFields: { itemsJson: '[]' } });
		expect(emptyJson.error?.message).toBe('"Items (JSON)" is an empty list');
		expect(env.sandbox.requests).toHaveLength(2);

		const on = await run('update', { cartId: locator(cart.id), cartUpdateFields: { emptyCart: true } });
		expect(on.error).toBeUndefined();
		expect(env.sandbox.requests[2].body).toEqual({ items: [] });
		expect(on.items[0].json.items).toEqual([]);
	});

	it('Update refuses Empty Cart together with items', async () => {
		const { error } = await run('update', {
			cartId: locator('wx4Vn4no'),
			cartUpdateFields: { emptyCart: true, newItems: { item: [{ product: 'A', quantity: 1, priceAmount: '', priceCurrency: '' }] } },
		});
		expect(error?.message).toBe('"Empty Cart" cannot be combined with "Items" or "New Items"');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Update names the cart that does not exist (404)', async () => {
		const { error } = await run('update', { cartId: locator('NoSuch01'), cartUpdateFields: { reference: 'x' } });
		expect(error?.message).toBe('Hellotext has no cart "NoSuch01" (404)');
	});
});
