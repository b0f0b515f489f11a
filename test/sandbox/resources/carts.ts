// Carts, and the item lists carts and orders share: each item names a product or variant (by id,
// reference or sku), a quantity (1 by default) and a price (the product's when not given).
import { invalid, missing, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { findProductOrVariant, insertApplying, money, priceOf, readPrice } from './products.ts';

/** One item hash of a request as stored: `type` is cart_item or order_item. */
export function newItem(sb: HellotextSandbox, type: string, body: JsonObject, parameter: string): JsonObject {
	const product = findProductOrVariant(sb, body.product, `${parameter}[product]`);
	const quantity = body.quantity === undefined ? 1 : Number(body.quantity);
	if (!Number.isFinite(quantity) || quantity < 0) throw invalid(`${parameter}[quantity]`);
	const price = readPrice(body.price, `${parameter}[price]`) ?? priceOf(product.price) ?? { amount: 0, currency: 'USD' };
	return {
		id: sb.newId(),
		type,
		created_at: sb.now(),
		price: money(price.amount, price.currency, true),
		product: product.id,
		quantity,
	};
}

/** An items array of a request; undefined when absent, 422 when not an array of hashes. */
export function readItems(sb: HellotextSandbox, type: string, value: Json | undefined, parameter: string): JsonObject[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) throw invalid(parameter, 'Expected an array of items.');
	return value.map((entry, i) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw invalid(`${parameter}[${i}]`, 'Expected an item hash.');
		return newItem(sb, type, entry, `${parameter}[${i}]`);
	});
}

/** `metadata` of a request: a hash, or 422. */
export function readMetadata(value: Json | undefined): JsonObject | undefined {
	if (value === undefined) return undefined;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('metadata', 'Expected a hash.');
	return value;
}

export function registerCarts(sb: HellotextSandbox): void {
	const owner = (cart: StoredObject, body: JsonObject) => {
		if (body.profile !== undefined && body.profile !== null && body.profile !== '') cart.profile = sb.get('profiles', String(body.profile), 'profile').id;
		if (body.session !== undefined) cart.session = body.session === '' ? null : body.session;
	};
	const apply = (cart: StoredObject, body: JsonObject) => {
		const items = readItems(sb, 'cart_item', body.items, 'items');
		const added = readItems(sb, 'cart_item', body.new_items, 'new_items');
		const metadata = readMetadata(body.metadata);
		owner(cart, body);
		if (items) cart.items = items;
		if (added) cart.items = [...(cart.items as JsonObject[]), ...added];
		if (metadata) cart.metadata = metadata;
		for (const key of ['reference', 'source'] as const) if (body[key] !== undefined) cart[key] = body[key];
	};

	sb.route('POST', '/v1/attribution/carts', ({ body }) => {
		const blank = (value: Json | undefined) => value === undefined || value === null || value === '';
		if (blank(body.profile) && blank(body.session)) throw missing('profile');
		const defaults = { items: [], metadata: {}, profile: null, reference: null, session: null, source: null };
		return insertApplying(sb, 'carts', 'cart', defaults, (cart) => apply(cart, body));
	});
	sb.route('PATCH', '/v1/attribution/carts/:id', ({ params, body }) => {
		const cart = sb.get('carts', params.id, 'cart');
		apply(cart, body);
		return cart;
	});
	sb.crud('/v1/attribution/carts', 'carts', 'carts', 'cart');
}
