import { describe, expect, it } from 'vitest';

import { locator, useSandbox } from '../../../support/sandbox';

type Obj = Record<string, unknown>;

/**
 * Every rule the node checks locally, across resources: each input is refused with a message
 * naming the field, and nothing reaches the API. (Each resource's own tests cover more.)
 */
const order = locator('ro4a731w');
const session = 'Vdqlg4nL';
const cases: Array<[string, Obj, string | RegExp]> = [
	['profile: malformed address JSON', { resource: 'profile', operation: 'create', profileAdditionalFields: { addressJson: '{"city":' } }, '"Address (JSON)" is not valid JSON'],
	['profile: address JSON that is not an object', { resource: 'profile', operation: 'create', profileAdditionalFields: { addressJson: '[1, 2]' } }, '"Address (JSON)" must be a JSON object'],
	['profile: default email with named emails', { resource: 'profile', operation: 'create', email: 'a@b.co', profileAdditionalFields: { namedEmails: { values: [{ key: 'work', value: 'c@d.co' }] } } }, '"Email" and "Named Emails" cannot be sent together'],
	['profile: a named phone without a name', { resource: 'profile', operation: 'create', profileAdditionalFields: { namedPhones: { values: [{ key: ' ', value: '+59899000001' }] } } }, '"Named Phones" has an entry without a name'],
	['profile: id from an expression that is empty', { resource: 'profile', operation: 'get', profileId: locator('={{ "" }}') }, /^"profileId" is empty/],
	['profile: id that is only dots', { resource: 'profile', operation: 'delete', profileId: locator('..') }, '"profileId" cannot be ".."'],
	['profile: Create or Update without the contact', { resource: 'profile', operation: 'upsert', matchBy: 'email', email: '={{ "" }}' }, '"Email" is empty: Match By is Email, so it finds the profile'],
	['profile: Verify Contact with an empty contact', { resource: 'profile', operation: 'verify', profileId: locator('MzYwlE50'), contactType: 'email', contact: '={{ "" }}' }, '"Contact" is empty: give the phone or email to verify'],
	['Get Many: Limit 0', { resource: 'profile', operation: 'getAll', returnAll: false, limit: '={{ 0 }}' }, '"Limit" must be a whole number from 1 to 10000'],
	['Get Many: Limit above the maximum', { resource: 'coupon', operation: 'getAll', returnAll: false, limit: '={{ 10001 }}' }, '"Limit" must be a whole number from 1 to 10000'],
	['Get Many: a fractional Limit', { resource: 'list', operation: 'getAll', returnAll: false, limit: '={{ 2.5 }}' }, '"Limit" must be a whole number from 1 to 10000'],
	['list: neither id nor name', { resource: 'list', operation: 'addProfile', listId: locator('={{ "" }}', 'name'), listProfileId: locator('MzYwlE50') }, /^"listId" is empty/],
	['property: email kind without a profile', { resource: 'property', operation: 'create', kind: 'email', propertyProfileId: locator('={{ "" }}') }, '"Profile" is required for a property of kind email'],
	['form: metadata pairs together with metadata JSON', { resource: 'form', operation: 'create', formName: 'F', formAdditionalFields: { metadataJson: '{"b": 2}', metadata: { values: [{ key: 'a', value: '1' }] } } }, '"Metadata" and "Metadata (JSON)" cannot be sent together'],
	['form: metadata JSON that is an array', { resource: 'form', operation: 'create', formName: 'F', formAdditionalFields: { metadataJson: '[1]' } }, '"Metadata (JSON)" must be a JSON object'],
	['app: new image together with Remove Image', { resource: 'app', operation: 'update', appId: locator('xnqJQ47v'), appUpdateFields: { imageUrl: 'https://x.test/a.png', removeImage: true } }, '"Image URL" and "Remove Image" cannot be sent together'],
	['cart: neither profile nor session', { resource: 'cart', operation: 'create', cartSession: '', cartAdditionalFields: { reference: 'X' } }, 'Set "Profile" or "Session": a cart belongs to one of them'],
	['cart: an item price without amount', { resource: 'cart', operation: 'create', cartSession: 's1', cartAdditionalFields: { items: { item: [{ product: 'P1', quantity: 1, priceAmount: '', priceCurrency: 'USD' }] } } }, '"Items 1 Price" has a currency but no amount'],
	['cart: an item without product (JSON)', { resource: 'cart', operation: 'create', cartSession: 's1', cartAdditionalFields: { itemsJson: '[{"quantity": 1}]' } }, '"Items (JSON) 1" has no product'],
	['product: a price without amount', { resource: 'product', operation: 'create', productName: 'Tee', productAdditionalFields: { priceCurrency: 'USD' } }, '"Price" has a currency but no amount'],
	['product: a currency that is not ISO 4217', { resource: 'product', operation: 'create', productName: 'Tee', productAdditionalFields: { priceAmount: 1, priceCurrency: 'US' } }, '"Price Currency" must be a three-letter ISO 4217 currency code, e.g. USD'],
	['refund: a total without amount', { resource: 'refund', operation: 'create', refundAdditionalFields: { totalCurrency: 'USD' } }, '"Total" has a currency but no amount'],
	['order item: a price without amount', { resource: 'orderItem', operation: 'create', orderItemOrderId: order, orderItemProductId: locator('SHOE-1', 'reference'), orderItemAdditionalFields: { priceCurrency: 'EUR' } }, '"Price" has a currency but no amount'],
	['session: an empty session id', { resource: 'session', operation: 'attachProfile', sessionId: '={{ "" }}', sessionProfileId: locator('MzYwlE50') }, /"sessionId" is empty/],
	['event: neither profile nor session', { resource: 'event', operation: 'track', eventType: 'order.placed', order }, '"Profile" or "Session" is required'],
	['event: currency without amount', { resource: 'event', operation: 'track', eventType: 'order.placed', order, session, eventAdditionalFields: { currency: 'USD' } }, '"Amount" is required when "Currency" is set'],
	['event: app.spent without currency', { resource: 'event', operation: 'track', eventType: 'app.spent', app: locator('xnqJQ47v'), session, eventAdditionalFields: { amount: 5 } }, '"Currency" is required for app.spent'],
	['event: cart.added without products', { resource: 'event', operation: 'track', eventType: 'cart.added', session }, '"Products" is required for cart.added'],
	['event: an invalid date', { resource: 'event', operation: 'track', eventType: 'order.placed', order, session, eventAdditionalFields: { trackedAt: '2024-02-31T10:00:00' } }, '"Tracked At" is not a valid date: 2024-02-31T10:00:00'],
	['event: a url that is not http(s)', { resource: 'event', operation: 'track', eventType: 'order.placed', order, session, eventAdditionalFields: { url: 'ftp://x' } }, '"URL" is not a valid http(s) URL: ftp://x'],
	['coupon: a description over 140 characters', { resource: 'coupon', operation: 'create', code: 'C', description: 'x'.repeat(141), destinationUrl: 'https://shop.test/c' }, '"Description" is 141 characters long: at most 140 are allowed'],
	['product: a page URL that is not http(s)', { resource: 'product', operation: 'create', productName: 'Tee', productAdditionalFields: { url: 'shop.test/tee' } }, '"URL" is not a valid http(s) URL: shop.test/tee'],
	['event: an object of a custom type without the type', { resource: 'event', operation: 'track', eventType: 'custom', customEventType: 'repair.opened', objectReferenceBy: 'id', objectId: 'Inst9xYz', session }, '"Object Type" is required with an object'],
	['event: an Object Type without its object', { resource: 'event', operation: 'track', eventType: 'custom', customEventType: 'repair.opened', objectType: locator('repair', 'name'), objectReferenceBy: 'parameters', session }, '"Object Parameters" are required with an Object Type'],
	['event: malformed products JSON', { resource: 'event', operation: 'track', eventType: 'cart.added', productsJson: '["a",', session }, '"Products (JSON)" is not valid JSON'],
];

describe('bad input is refused before anything is sent', () => {
	const env = useSandbox();

	it('covers at least 25 distinct rules', () => {
		expect(new Set(cases.map(([, , message]) => String(message))).size).toBeGreaterThanOrEqual(25);
	});

	it.each(cases)('%s', async (_name, parameters, message) => {
		const { error } = await env.engine.run(parameters as never);
		if (message instanceof RegExp) expect(error?.message).toMatch(message);
		else expect(error?.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('names the index of the item that was refused', async () => {
		const { error, items } = await env.engine.run(
			{ resource: 'profile', operation: 'create', profileAdditionalFields: { addressJson: '={{ $json.address }}' } },
			[{ address: '{"city": "Montevideo"}' }, { address: '{"city": "Salto"}' }, { address: '{oops' }],
		);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('"Address (JSON)" is not valid JSON');
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});
});
