// The guides' additions to orders, products and coupons, over HTTP.
import { describe, expect, it } from 'vitest';

import { expectError, invalidOn, useHttpSandbox, type Obj } from './testing.ts';

describe('sandbox orders, products and coupons (developer guides)', () => {
	const t = useHttpSandbox();

	describe('orders', () => {
		it('store name, payment_method and sales_channel on create and update', async () => {
			const created = await t.api('POST', '/v1/attribution/orders', { name: 'Order #55', reference: 'WEB-55', payment_method: 'Cash', sales_channel: 'Kiosk' });
			expect(created.status).toBe(200);
			expect(created.body).toMatchObject({ name: 'Order #55', payment_method: 'Cash', sales_channel: 'Kiosk', reference: 'WEB-55' });
			expect(t.sb.find('orders', created.body.id)).toMatchObject({ name: 'Order #55', payment_method: 'Cash', sales_channel: 'Kiosk' });
			const updated = await t.api('PATCH', `/v1/attribution/orders/${created.body.id}`, { payment_method: 'Visa', sales_channel: 'Web shop' });
			expect(updated.body).toMatchObject({ name: 'Order #55', payment_method: 'Visa', sales_channel: 'Web shop' });
			expect((await t.api('GET', `/v1/attribution/orders/${created.body.id}`)).body).toEqual(updated.body);
		});

		it('an order that does not send them answers as before (no such keys)', async () => {
			const created = await t.api('POST', '/v1/attribution/orders', { reference: 'WEB-56' });
			for (const key of ['name', 'payment_method', 'sales_channel']) expect(created.body).not.toHaveProperty(key);
		});

		it('refuses non-text values (422 on the field) and stores nothing', async () => {
			for (const key of ['name', 'payment_method', 'sales_channel']) {
				invalidOn(await t.api('POST', '/v1/attribution/orders', { [key]: 5 }), key);
				invalidOn(await t.api('POST', '/v1/attribution/orders', { [key]: { brand: 'Visa' } }), key);
			}
			expect(t.sb.collection('orders')).toEqual([]);
			const order = t.sb.call('POST', '/v1/attribution/orders', { name: 'Kept' }) as Obj;
			invalidOn(await t.api('PATCH', `/v1/attribution/orders/${order.id}`, { name: ['x'] }), 'name');
			expect(t.sb.find('orders', order.id)?.name).toBe('Kept');
		});

		it('create refuses a total (422 invalid on total): it follows the items; inline order_parameters too', async () => {
			invalidOn(await t.api('POST', '/v1/attribution/orders', { reference: 'WEB-57', total: { amount: 10, currency: 'USD' } }), 'total');
			expect(t.sb.collection('orders')).toEqual([]);
			const session = 'Vdqlg4nL';
			const inline = await t.api('POST', '/v1/attribution/events', { action: 'order.placed', session, order_parameters: { reference: 'WEB-58', total: { amount: 1 } } });
			expectError(inline, 422, 'invalid', 'order_parameters[total]');
			expect(t.sb.collection('orders')).toEqual([]);
		});
	});

	describe('products', () => {
		it('store a url (http or https) on create, update and inline product parameters', async () => {
			const created = await t.api('POST', '/v1/attribution/products', { name: 'Shoe', url: 'https://shop.example.com/p/shoe' });
			expect(created.body.url).toBe('https://shop.example.com/p/shoe');
			const updated = await t.api('PATCH', `/v1/attribution/products/${created.body.id}`, { url: 'http://shop.example.com/p/shoe-2' });
			expect(updated.body.url).toBe('http://shop.example.com/p/shoe-2');
			expect(t.sb.find('products', created.body.id)?.url).toBe('http://shop.example.com/p/shoe-2');
			const tracked = await t.api('POST', '/v1/attribution/events', {
				action: 'product.viewed',
				session: 'Vdqlg4nL',
				product_parameters: { name: 'Sock', url: 'https://shop.example.com/p/sock' },
			});
			expect(tracked.status).toBe(200);
			expect((t.sb.collection('products') as Obj[]).map((p) => [p.name, p.url])).toEqual([
				['Shoe', 'http://shop.example.com/p/shoe-2'],
				['Sock', 'https://shop.example.com/p/sock'],
			]);
			const plain = await t.api('POST', '/v1/attribution/products', { name: 'Plain' });
			expect(plain.body).not.toHaveProperty('url');
		});

		it('refuse a url that is not an absolute http(s) URL (422 on url; inline: on product_parameters[url])', async () => {
			for (const url of ['shop.example.com/p/shoe', '/p/shoe', 'ftp://shop.example.com/p', 'javascript:alert(1)', 5, '']) {
				invalidOn(await t.api('POST', '/v1/attribution/products', { name: 'Shoe', url }), 'url');
			}
			expect(t.sb.collection('products')).toEqual([]);
			expect(t.sb.collection('product_variants')).toEqual([]);
			const product = t.sb.call('POST', '/v1/attribution/products', { name: 'Shoe', url: 'https://shop.example.com/p/shoe' }) as Obj;
			invalidOn(await t.api('PATCH', `/v1/attribution/products/${product.id}`, { url: 'nope' }), 'url');
			expect(t.sb.find('products', product.id)?.url).toBe('https://shop.example.com/p/shoe');
			const inline = await t.api('POST', '/v1/attribution/events', { action: 'product.viewed', session: 'Vdqlg4nL', product_parameters: { name: 'Sock', url: 'sock' } });
			expectError(inline, 422, 'invalid', 'product_parameters[url]');
		});
	});

	describe('coupons', () => {
		const coupon = (description: string, code = 'SUMMER5') => ({ code, description, destination_url: 'https://shop.example.com/summer' });

		it('a description of more than 140 characters is 422 on description, on create and update', async () => {
			expect((await t.api('POST', '/v1/coupons', coupon('d'.repeat(140)))).status).toBe(200);
			invalidOn(await t.api('POST', '/v1/coupons', coupon('d'.repeat(141), 'OTHER')), 'description');
			expect((t.sb.collection('coupons') as Obj[]).map((c) => c.code)).toEqual(['SUMMER5']);
			const id = t.sb.collection('coupons')[0].id;
			invalidOn(await t.api('PATCH', `/v1/coupons/${id}`, coupon('e'.repeat(141))), 'description');
			expect(t.sb.find('coupons', id)?.description).toBe('d'.repeat(140));
			expect((await t.api('PATCH', `/v1/coupons/${id}`, coupon('5% off'))).body.description).toBe('5% off');
		});
	});
});
