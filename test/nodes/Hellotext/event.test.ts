import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { toEpochSeconds } from '../../../nodes/Hellotext/resources/event/epoch';
import { locator, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Event', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const newProfile = () => call('POST', '/v1/profiles', { first_name: 'Ada' }).id as string;
	const events = () => (call('GET', '/v1/attribution/events').events as Obj[]);
	const track = (parameters: Obj) => env.engine.run({ resource: 'event', operation: 'track', ...parameters });

	/** Runs Track and checks the one request the sandbox got, its body, and the item it answered. */
	async function expectTracked(parameters: Obj, body: Obj) {
		const { items, error } = await track(parameters);
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		const [request] = env.sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/v1/attribution/events', query: {} });
		expect(request.body).toEqual(body);
		expect(request.status).toBe(200);
		expect(items.map((item) => item.json)).toEqual([{ status: 'received' }]);
		const stored = events();
		expect(stored).toHaveLength(1);
		return stored[0];
	}

	describe('Track, one event type of every family', () => {
		it('order.placed by order ID with profile, amount, currency, metadata, tracked_at and url', async () => {
			const profile = newProfile();
			const order = call('POST', '/v1/attribution/orders', { reference: 'A-1' }).id as string;
			const sent = {
				action: 'order.placed',
				order,
				profile,
				amount: 199.95,
				currency: 'USD',
				metadata: { channel: 'web' },
				tracked_at: 1709634030,
				url: 'https://shop.example.com/thanks',
			};
			const event = await expectTracked(
				{
					eventType: 'order.placed',
					order: locator(order),
					profile: locator(profile),
					eventAdditionalFields: {
						amount: 199.95,
						currency: 'usd',
						metadata: { values: [{ key: 'channel', value: 'web' }] },
						trackedAt: '2024-03-05T10:20:30Z',
						url: 'https://shop.example.com/thanks',
					},
				},
				sent,
			);
			expect(event).toMatchObject({
				...sent,
				type: 'event',
				action: { name: 'order.placed' },
				trackable: { id: order, type: 'order' },
			});
		});

		it('app.installed by inline parameters for a session creates the app', async () => {
			const event = await expectTracked(
				{
					eventType: 'app.installed',
					referenceBy: 'parameters',
					inlineParameters: {
						values: [
							{ key: 'name', value: 'Beauty & Care' },
							{ key: 'image_url', value: 'https://cdn.example.com/icon.png' },
						],
					},
					session: '2KAGgAgm',
				},
				{
					action: 'app.installed',
					app_parameters: { name: 'Beauty & Care', image_url: 'https://cdn.example.com/icon.png' },
					session: '2KAGgAgm',
				},
			);
			const apps = call('GET', '/v1/attribution/apps').apps as Obj[];
			expect(apps).toHaveLength(1);
			expect(apps[0]).toMatchObject({ name: 'Beauty & Care' });
			expect(event).toMatchObject({ app: apps[0].id, session: '2KAGgAgm', profile: null, trackable: { id: apps[0].id, type: 'app' } });
		});

		it('app.spent by app ID with the amount and currency it requires', async () => {
			const app = call('POST', '/v1/attribution/apps', { name: 'Beauty & Care' }).id as string;
			await expectTracked(
				{ eventType: 'app.spent', app: locator(app), session: 'Vdqlg4nL', eventAdditionalFields: { amount: 4.99, currency: 'EUR' } },
				{ action: 'app.spent', app, session: 'Vdqlg4nL', amount: 4.99, currency: 'EUR' },
			);
		});

		it('coupon.redeemed by coupon ID', async () => {
			const coupon = call('POST', '/v1/coupons', { code: 'SAVE10', description: '10% off', destination_url: 'https://shop.example.com' }).id;
			const profile = newProfile();
			await expectTracked(
				{ eventType: 'coupon.redeemed', coupon: locator(coupon), profile: locator(profile) },
				{ action: 'coupon.redeemed', coupon, profile },
			);
		});

		it('form.completed by inline parameters given as JSON only', async () => {
			const profile = newProfile();
			const event = await expectTracked(
				{
					eventType: 'form.completed',
					referenceBy: 'parameters',
					inlineParametersJson: '{"name": "Newsletter"}',
					profile: locator(profile),
				},
				{ action: 'form.completed', form_parameters: { name: 'Newsletter' }, profile },
			);
			const forms = call('GET', '/v1/attribution/forms').forms as Obj[];
			expect(forms.map((f) => f.name)).toEqual(['Newsletter']);
			expect(event.form).toBe(forms[0].id);
		});

		it('refund.requested by refund ID', async () => {
			const refund = env.sandbox.insert('refunds', 'refund', { reference: 'R-1' }).id;
			await expectTracked(
				{ eventType: 'refund.requested', refund: locator(refund), session: 'Vdqlg4nL' },
				{ action: 'refund.requested', refund, session: 'Vdqlg4nL' },
			);
		});

		it('product.viewed by product reference and variant ID', async () => {
			const product = call('POST', '/v1/attribution/products', { name: 'Shoe', reference: 'SHOE-1' });
			const variant = call('POST', `/v1/attribution/products/${product.id}/variants`, { name: 'Shoe 42' }).id;
			const event = await expectTracked(
				{
					eventType: 'product.viewed',
					product: locator('SHOE-1', 'reference'),
					variantReferenceBy: 'id',
					productVariant: locator(variant),
					session: 'Vdqlg4nL',
				},
				{ action: 'product.viewed', product: 'SHOE-1', product_variant: variant, session: 'Vdqlg4nL' },
			);
			expect(event).toMatchObject({ product: product.id, product_variant: variant, trackable: { id: variant, type: 'product_variant' } });
		});

		it('product.purchased with product_variant_parameters under a product given by ID', async () => {
			const product = call('POST', '/v1/attribution/products', { name: 'Shoe' }).id;
			await expectTracked(
				{
					eventType: 'product.purchased',
					product: locator(product),
					variantReferenceBy: 'parameters',
					variantParameters: { values: [{ key: 'name', value: 'Shoe 44' }, { key: 'sku', value: 'SHOE-44' }] },
					session: 'Vdqlg4nL',
					eventAdditionalFields: { amount: 80, currency: 'USD' },
				},
				{
					action: 'product.purchased',
					product,
					product_variant_parameters: { name: 'Shoe 44', sku: 'SHOE-44' },
					session: 'Vdqlg4nL',
					amount: 80,
					currency: 'USD',
				},
			);
			const stored = call('GET', `/v1/attribution/products/${product}`);
			expect(stored.variants.map((v: Obj) => v.sku)).toContain('SHOE-44');
		});

		it('product.purchased by product_parameters', async () => {
			await expectTracked(
				{
					eventType: 'product.purchased',
					referenceBy: 'parameters',
					inlineParameters: { values: [{ key: 'name', value: 'Hat' }, { key: 'reference', value: 'HAT-1' }] },
					session: 'Vdqlg4nL',
				},
				{ action: 'product.purchased', product_parameters: { name: 'Hat', reference: 'HAT-1' }, session: 'Vdqlg4nL' },
			);
			expect((call('GET', '/v1/attribution/products').products as Obj[]).map((p) => p.reference)).toEqual(['HAT-1']);
		});

		it('cart.added with products by ID, new inline products and JSON; the sandbox makes a cart', async () => {
			const shoe = call('POST', '/v1/attribution/products', { name: 'Shoe', sku: 'SHOE-SKU' }).id;
			const profile = newProfile();
			const event = await expectTracked(
				{
					eventType: 'cart.added',
					products: {
						identifiers: [{ id: shoe }],
						inline: [{ kind: 'product', parameters: '{"name": "Sock", "reference": "SOCK-1"}' }],
					},
					productsJson: '["SHOE-SKU"]',
					profile: locator(profile),
				},
				{
					action: 'cart.added',
					products: [shoe, { product_parameters: { name: 'Sock', reference: 'SOCK-1' } }, 'SHOE-SKU'],
					profile,
				},
			);
			const carts = call('GET', '/v1/attribution/carts').carts as Obj[];
			expect(carts).toHaveLength(1);
			expect(event.cart).toBe(carts[0].id);
			expect(carts[0].items).toHaveLength(3);
			expect(event.products).toHaveLength(3);
		});

		it('cart.removed from a given cart, and cart.abandoned with only the cart', async () => {
			const profile = newProfile();
			const shoe = call('POST', '/v1/attribution/products', { name: 'Shoe' }).id;
			const cart = call('POST', '/v1/attribution/carts', { profile, items: [{ product: shoe }] }).id;
			await expectTracked(
				{ eventType: 'cart.removed', cart: locator(cart), products: { identifiers: [{ id: shoe }] }, profile: locator(profile) },
				{ action: 'cart.removed', cart, products: [shoe], profile },
			);
			expect(call('GET', `/v1/attribution/carts/${cart}`).items).toEqual([]);

			env.sandbox.requests = [];
			const { error } = await track({ eventType: 'cart.abandoned', cart: locator(cart), profile: locator(profile) });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests[0].body).toEqual({ action: 'cart.abandoned', cart, profile });
		});

		it('a custom event type with related objects', async () => {
			call('POST', '/v1/attribution/actions', { name: 'signup_form.completed', title: 'Signed up' });
			const form = call('POST', '/v1/attribution/forms', { name: 'Signup' }).id;
			const profile = newProfile();
			const event = await expectTracked(
				{
					eventType: 'custom',
					customEventType: 'signup_form.completed',
					relatedObjects: { form: locator(form) },
					profile: locator(profile),
					eventAdditionalFields: { metadataJson: '{"plan": "pro"}' },
				},
				{ action: 'signup_form.completed', form, profile, metadata: { plan: 'pro' } },
			);
			expect(event.action).toMatchObject({ name: 'signup_form.completed', title: 'Signed up' });
			expect(event.form).toBe(form);
		});
	});

	describe('what the guides add', () => {
		const repair = () =>
			call('POST', '/v1/objects', { title: 'Repairs', name: 'repair', properties: [{ kind: 'text', name: 'ticket', required: true, unique: true }, { kind: 'text', name: 'device' }] });

		it('a custom event type about a new object of a custom type: object_type with object_parameters', async () => {
			repair();
			call('POST', '/v1/attribution/actions', { name: 'repair.opened' });
			const profile = newProfile();
			const event = await expectTracked(
				{
					eventType: 'custom',
					customEventType: 'repair.opened',
					objectType: locator('repair', 'name'),
					objectReferenceBy: 'parameters',
					objectParameters: { values: [{ key: 'ticket', value: 'RX-5521' }, { key: 'device', value: 'Tablet' }] },
					profile: locator(profile),
				},
				{ action: 'repair.opened', object_type: 'repair', object_parameters: { ticket: 'RX-5521', device: 'Tablet' }, profile },
			);
			const [instance] = env.sandbox.collection('object_instances');
			expect(instance).toMatchObject({ properties: { ticket: 'RX-5521', device: 'Tablet' } });
			expect(event.object).toBe(instance.id);
		});

		it('a custom event type about an existing object, by its ID: object_type with object', async () => {
			const structure = repair();
			const instance = env.sandbox.insert('object_instances', 'object_instance', { object_type: structure.id, properties: { ticket: 'RX-1' } });
			call('POST', '/v1/attribution/actions', { name: 'repair.closed' });
			await expectTracked(
				{
					eventType: 'custom',
					customEventType: 'repair.closed',
					objectType: locator(structure.id, 'list'),
					objectReferenceBy: 'id',
					objectId: instance.id,
					session: 'Vdqlg4nL',
				},
				{ action: 'repair.closed', object_type: structure.id, object: instance.id, session: 'Vdqlg4nL' },
			);
		});

		it.each([
			['page.viewed', { eventAdditionalFields: { url: 'https://shop.example.com/p/1' } }, { url: 'https://shop.example.com/p/1' }],
			['subscribed', {}, {}],
			['unsubscribed', {}, {}],
		])('%s needs no object', async (eventType, extra, sent) => {
			const profile = newProfile();
			await expectTracked({ eventType, profile: locator(profile), ...extra }, { action: eventType, profile, ...sent });
		});

		it('cart.viewed and checkout.started take the cart, and need no products', async () => {
			const profile = newProfile();
			const cart = call('POST', '/v1/attribution/carts', { profile }).id;
			await expectTracked({ eventType: 'checkout.started', cart: locator(cart), profile: locator(profile) }, { action: 'checkout.started', cart, profile });
			env.sandbox.requests = [];
			const { error } = await track({ eventType: 'cart.viewed', cart: locator(cart), profile: locator(profile) });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests[0].body).toEqual({ action: 'cart.viewed', cart, profile });
		});

		it('the Event Type resource’s Delete says Hellotext refuses when events of that type were tracked', async () => {
			const eventType = call('POST', '/v1/attribution/actions', { name: 'signup.done' });
			call('POST', '/v1/attribution/events', { action: 'signup.done', session: 'Vdqlg4nL' });
			const { error } = await env.engine.run({ resource: 'eventType', operation: 'delete', eventTypeId: locator(eventType.id) });
			expect(error?.httpCode).toBe('422');
			expect(call('GET', `/v1/attribution/actions/${eventType.id}`).id).toBe(eventType.id);
			const picker = new Hellotext().description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('eventType'))!;
			expect((picker.options as Obj[]).find((o) => o.value === 'delete')?.description).toContain('refuses when events of that type were tracked');
		});
	});

	it('the Custom Event Type dropdown lists the account’s event types from the sandbox', async () => {
		call('POST', '/v1/attribution/actions', { name: 'subscriber.voted', title: 'Voted' });
		call('POST', '/v1/attribution/actions', { name: 'signup_form.completed' });
		const ctx = env.engine.loadOptionsContext({ resource: 'event', operation: 'track', eventType: 'custom' });
		const options = await new Hellotext().methods.loadOptions.getCustomEventTypes.call(ctx);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/attribution/actions' });
		expect(options).toEqual([
			{ name: 'signup_form.completed', value: 'signup_form.completed' },
			{ name: 'Voted (subscriber.voted)', value: 'subscriber.voted' },
		]);
	});

	it('the Event Type picker names built-in types "Family: Verb", sorted, with the guides’ types and Custom Event Type', () => {
		const picker = new Hellotext().description.properties.find(
			(p) => p.name === 'eventType' && p.displayOptions?.show?.resource?.includes('event'),
		)!;
		const options = picker.options as Array<{ name: string; value: string }>;
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		expect(options).toContainEqual({ name: 'Order: Placed', value: 'order.placed' });
		for (const [name, value] of [
			['Page: Viewed', 'page.viewed'],
			['Cart: Viewed', 'cart.viewed'],
			['Checkout: Started', 'checkout.started'],
			['Subscribed', 'subscribed'],
			['Unsubscribed', 'unsubscribed'],
		]) {
			expect(options).toContainEqual({ name, value });
		}
		// The guides: internal to Hellotext, not to send (the reference lists it).
		expect(options.map((o) => o.value)).not.toContain('order.printed_label');
		expect(options).toContainEqual(expect.objectContaining({ name: 'Custom Event Type', value: 'custom' }));
		expect(options).toHaveLength(23);
	});

	describe('Track rules are refused before sending, naming the field', () => {
		const session = 'Vdqlg4nL';
		const order = locator('ro4a731w');
		const cases: Array<[string, Obj, string]> = [
			['no profile and no session', { eventType: 'order.placed', order }, '"Profile" or "Session" is required'],
			['currency without amount', { eventType: 'order.placed', order, session, eventAdditionalFields: { currency: 'USD' } }, '"Amount" is required when "Currency" is set'],
			['app.spent without amount', { eventType: 'app.spent', app: locator('xnqJQ47v'), session, eventAdditionalFields: { currency: 'USD' } }, '"Amount" is required for app.spent'],
			['app.spent without currency', { eventType: 'app.spent', app: locator('xnqJQ47v'), session, eventAdditionalFields: { amount: 5 } }, '"Currency" is required for app.spent'],
			['cart.added without products', { eventType: 'cart.added', session }, '"Products" is required for cart.added'],
			['cart.removed without products', { eventType: 'cart.removed', cart: locator('wx4Vn4no'), session }, '"Products" is required for cart.removed'],
			['cart.abandoned without cart', { eventType: 'cart.abandoned', session }, '"Cart" is required for cart.abandoned'],
			['product.viewed without product or variant', { eventType: 'product.viewed', session }, '"Product" is required for product.viewed'],
			[
				'variant parameters without a product',
				{ eventType: 'product.purchased', variantReferenceBy: 'parameters', variantParametersJson: '{"name": "XL"}', session },
				'"Product" (by ID, reference or SKU) is required with "Product Variant Parameters"',
			],
			['empty inline parameters', { eventType: 'order.placed', referenceBy: 'parameters', session }, '"Inline Parameters" of the order are required for order.placed'],
			['a currency that is not ISO 4217', { eventType: 'order.placed', order, session, eventAdditionalFields: { amount: 1, currency: 'US' } }, '"Currency" must be a three-letter ISO 4217 currency code, e.g. USD'],
			['an invalid tracked_at', { eventType: 'order.placed', order, session, eventAdditionalFields: { trackedAt: 'yesterday-ish' } }, '"Tracked At" is not a valid date: yesterday-ish'],
			['an impossible date', { eventType: 'order.placed', order, session, eventAdditionalFields: { trackedAt: '2024-02-31T10:00:00' } }, '"Tracked At" is not a valid date: 2024-02-31T10:00:00'],
			['an invalid url', { eventType: 'order.placed', order, session, eventAdditionalFields: { url: 'not a url' } }, '"URL" is not a valid http(s) URL: not a url'],
			['malformed products JSON', { eventType: 'cart.added', productsJson: '["a",', session }, '"Products (JSON)" is not valid JSON'],
			[
				'inline parameters as rows and as JSON',
				{ eventType: 'form.completed', referenceBy: 'parameters', inlineParameters: { values: [{ key: 'name', value: 'A' }] }, inlineParametersJson: '{"name": "B"}', session },
				'"Inline Parameters" and "Inline Parameters (JSON)" cannot be sent together',
			],
			['malformed inline parameters JSON', { eventType: 'form.completed', referenceBy: 'parameters', inlineParametersJson: '{', session }, '"Inline Parameters (JSON)" is not valid JSON'],
		];
		it.each(cases)('%s', async (_name, parameters, message) => {
			const { error } = await track(parameters);
			expect(error?.message).toBe(message);
			expect(env.sandbox.requests).toHaveLength(0);
		});
	});

	describe('tracked_at is sent as epoch seconds', () => {
		it('from the date picker, an ISO date with offset, and epoch numbers', async () => {
			const profile = newProfile();
			for (const trackedAt of ['2022-10-13T17:49:33+00:00', '2022-10-13T19:49:33.000+02:00', 1665683373, '1665683373000']) {
				env.sandbox.requests = [];
				const { error } = await track({ eventType: 'order.placed', order: locator(call('POST', '/v1/attribution/orders', {}).id), profile: locator(profile), eventAdditionalFields: { trackedAt } });
				expect(error).toBeUndefined();
				expect(env.sandbox.requests[0].body.tracked_at).toBe(1665683373);
			}
			expect(events().map((e) => e.tracked_at)).toEqual([1665683373, 1665683373, 1665683373, 1665683373]);
		});

		it('a date without offset is wall time in the workflow timezone', () => {
			expect(toEpochSeconds('2024-07-01T12:00:00', 'Europe/Madrid')).toBe(Date.UTC(2024, 6, 1, 10) / 1000);
			expect(toEpochSeconds('2024-01-15 08:30', 'America/New_York')).toBe(Date.UTC(2024, 0, 15, 13, 30) / 1000);
			expect(toEpochSeconds('2024-01-15', 'UTC')).toBe(Date.UTC(2024, 0, 15) / 1000);
			expect(toEpochSeconds('2024-13-01T00:00:00', 'UTC')).toBeUndefined();
		});
	});

	describe('the sandbox refuses like the reference', () => {
		it('a custom action that was never created (422 invalid action)', async () => {
			const { error } = await track({ eventType: 'custom', customEventType: 'subscriber.unknown', session: 'Vdqlg4nL' });
			expect(error?.message).toContain('"action"');
			expect(error?.httpCode).toBe('422');
			expect(env.sandbox.requests[0].status).toBe(422);
			expect(events()).toHaveLength(0);
		});

		it('a session assigned to another profile (422)', async () => {
			const [owner, other] = [newProfile(), newProfile()];
			env.sandbox.insert('sessions', 'session', { profile: owner });
			const sessionId = env.sandbox.collection('sessions')[0].id;
			const order = call('POST', '/v1/attribution/orders', {}).id;
			const { error } = await track({ eventType: 'order.placed', order: locator(order), profile: locator(other), session: sessionId });
			expect(error?.message).toContain('session_assigned_to_another_profile');
			expect(env.sandbox.requests[0].status).toBe(422);
		});

		it('an unknown order (404 naming order)', async () => {
			const { error } = await track({ eventType: 'order.placed', order: locator('NoSuch01'), session: 'Vdqlg4nL' });
			expect(error?.httpCode).toBe('404');
			expect(error?.message).toBe('Hellotext did not find the object given as "order" (404)');
			expect(env.sandbox.requests[0].status).toBe(404);
		});
	});

	describe('Get, Update, Delete, Get Many', () => {
		const seedEvent = (body: Obj = {}) => {
			const order = call('POST', '/v1/attribution/orders', {}).id;
			call('POST', '/v1/attribution/events', { action: 'order.placed', order, session: 'Vdqlg4nL', ...body });
			return events()[0];
		};

		it('Get returns the event object', async () => {
			const event = seedEvent({ amount: 10, currency: 'USD' });
			const { items, error } = await env.engine.run({ resource: 'event', operation: 'get', eventId: locator(event.id), simplify: false });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v1/attribution/events/${event.id}`, query: {} });
			expect(items[0].json).toEqual(event);
			expect(items[0].json).toMatchObject({ type: 'event', amount: 10, action: { name: 'order.placed' } });
		});

		it('Get with Simplify (the default) keeps the fields people map most', async () => {
			const event = seedEvent({ amount: 10, currency: 'USD', metadata: { n: 1 }, url: 'https://shop.example.com/o/1' });
			const { items } = await env.engine.run({ resource: 'event', operation: 'get', eventId: locator(event.id) });
			const keep = ['id', 'type', 'action', 'profile', 'session', 'amount', 'currency', 'trackable', 'tracked_at', 'created_at'];
			expect(items[0].json).toEqual(Object.fromEntries(keep.filter((key) => key in event).map((key) => [key, event[key]])));
			expect(Object.keys(event).length).toBeGreaterThan(10);
			expect(items[0].json).not.toHaveProperty('metadata');
		});

		it('Get of an unknown event names it', async () => {
			const { error } = await env.engine.run({ resource: 'event', operation: 'get', eventId: locator('NoSuch01') });
			expect(error?.message).toBe('Hellotext has no event "NoSuch01" (404)');
		});

		it('Update sends only the fields added and returns the updated event', async () => {
			const event = seedEvent();
			const profile = newProfile();
			const order = call('POST', '/v1/attribution/orders', {}).id;
			const product = call('POST', '/v1/attribution/products', { name: 'Shoe', sku: 'SHOE-1' }).id;
			const { items, error } = await env.engine.run({
				resource: 'event',
				operation: 'update',
				eventId: locator(event.id),
				eventUpdateFields: {
					eventType: 'order.confirmed',
					amount: 295,
					currency: 'eur',
					order: locator(order),
					products: { identifiers: [{ id: product }, { id: 'SHOE-1' }] },
					profile: locator(profile),
					metadata: { values: [{ key: 'note', value: 'late' }] },
					trackedAt: '2022-10-13T17:49:33Z',
					url: 'https://shop.example.com/o/1',
				},
			});
			expect(error).toBeUndefined();
			const [request] = env.sandbox.requests;
			expect(request).toMatchObject({ method: 'PATCH', path: `/v1/attribution/events/${event.id}` });
			expect(request.body).toEqual({
				action: 'order.confirmed',
				amount: 295,
				currency: 'EUR',
				order,
				products: [product, 'SHOE-1'],
				profile,
				metadata: { note: 'late' },
				tracked_at: 1665683373,
				url: 'https://shop.example.com/o/1',
			});
			expect(items[0].json).toMatchObject({
				id: event.id,
				action: { name: 'order.confirmed' },
				amount: 295,
				currency: 'EUR',
				order,
				products: [product, product],
				profile,
				tracked_at: 1665683373,
			});
		});

		it('Update with only the amount sends only the amount', async () => {
			const event = seedEvent();
			const { error } = await env.engine.run({ resource: 'event', operation: 'update', eventId: locator(event.id), eventUpdateFields: { amount: 12.5 } });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests[0].body).toEqual({ amount: 12.5 });
		});

		it('Delete answers the deleted marker and removes the event', async () => {
			const event = seedEvent();
			const { items } = await env.engine.run({ resource: 'event', operation: 'delete', eventId: locator(event.id) });
			expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: `/v1/attribution/events/${event.id}` });
			expect(items[0].json).toEqual({ id: event.id, type: 'event', deleted: true });
			expect(events()).toHaveLength(0);
		});

		it('Get Many returns the events newest first, up to the limit', async () => {
			for (let i = 0; i < 3; i++) seedEvent({ metadata: { n: i } });
			const { items, error } = await env.engine.run({ resource: 'event', operation: 'getAll', returnAll: false, limit: 2, simplify: false });
			expect(error).toBeUndefined();
			expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/attribution/events' });
			expect(env.sandbox.requests[0].query.limit).toBe('2');
			expect(items.map((item) => item.json.metadata)).toEqual([{ n: 2 }, { n: 1 }]);
		});

		it('Get Many with Return All follows the cursor', async () => {
			for (let i = 0; i < 3; i++) seedEvent({ metadata: { n: i } });
			const { items } = await env.engine.run({ resource: 'event', operation: 'getAll', returnAll: true, simplify: false });
			expect(items.map((item) => item.json.metadata)).toEqual([{ n: 2 }, { n: 1 }, { n: 0 }]);
			expect(env.sandbox.requests.every((r) => r.path === '/v1/attribution/events')).toBe(true);
		});
	});
});
