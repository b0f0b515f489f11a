// Orders and their items. The order's total follows its items (sum of price × quantity).
import { invalid, notFound, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { newItem, readItems, readMetadata } from './carts.ts';
import { insertApplying, money, priceOf, readPrice } from './products.ts';

/** Sum of the order's items (price × quantity), in the first item's currency (USD when empty). */
export function orderSum(order: StoredObject): { amount: number; currency: string } {
	const items = order.items as JsonObject[];
	const currency = priceOf(items[0]?.price)?.currency ?? 'USD';
	return { amount: items.reduce((sum, item) => sum + (priceOf(item.price)?.amount ?? 0) * Number(item.quantity), 0), currency };
}

/** The order total as the reference shows it (note `converted_amount_currency`). */
function orderTotal(order: StoredObject): JsonObject {
	const { amount, currency } = orderSum(order);
	const text = amount.toFixed(2);
	return { amount: text, converted_amount: text, converted_amount_currency: currency, currency };
}

/** Text fields of an order from the developer guides, stored only when sent. */
const TEXT_FIELDS = ['name', 'payment_method', 'sales_channel'] as const;

export function registerOrders(sb: HellotextSandbox): void {
	const publicOrder = (order: StoredObject) => ({ ...order, total: orderTotal(order) });
	const publicItem = (order: StoredObject, item: JsonObject) => ({ ...item, order: order.id });
	const itemOf = (order: StoredObject, id: string) => {
		const item = (order.items as JsonObject[]).find((i) => i.id === id);
		if (!item) throw notFound('order item', id);
		return item;
	};

	const apply = (order: StoredObject, body: JsonObject, allowItems: boolean) => {
		if (body.delivery !== undefined && body.delivery !== 'collect' && body.delivery !== 'deliver') {
			throw invalid('delivery', 'Possible values are collect and deliver.');
		}
		// The guides' order fields: a display name, the payment method and the sales channel (free text).
		for (const key of TEXT_FIELDS) {
			if (body[key] !== undefined && body[key] !== null && typeof body[key] !== 'string') throw invalid(key, 'Expected a text.');
		}
		const items = allowItems ? readItems(sb, 'order_item', body.items, 'items') : undefined;
		const metadata = readMetadata(body.metadata);
		if (body.delivery !== undefined) order.delivery = body.delivery;
		if (items) order.items = items;
		if (metadata) order.metadata = metadata;
		for (const key of ['reference', 'source'] as const) if (body[key] !== undefined) order[key] = body[key];
		// Only when sent: the answers of orders that do not use them stay as they were.
		for (const key of TEXT_FIELDS) if (body[key] !== undefined) order[key] = body[key];
	};

	sb.route('POST', '/v1/attribution/orders', ({ body }) => {
		// The guides (v2): the create contract has no total; it follows the items.
		if (body.total !== undefined) throw invalid('total', 'An order has no total parameter: the total is computed from its items.');
		const defaults = { delivery: null, items: [], metadata: {}, reference: null, source: null };
		return publicOrder(insertApplying(sb, 'orders', 'order', defaults, (order) => apply(order, body, true)));
	});
	sb.route('GET', '/v1/attribution/orders', ({ query }) => ({ orders: sb.paginate(sb.collection('orders'), query).map(publicOrder) }));
	sb.route('GET', '/v1/attribution/orders/:id', ({ params }) => publicOrder(sb.get('orders', params.id, 'order')));
	sb.route('PATCH', '/v1/attribution/orders/:id', ({ params, body }) => {
		const order = sb.get('orders', params.id, 'order');
		apply(order, body, false);
		return publicOrder(order);
	});
	sb.route('DELETE', '/v1/attribution/orders/:id', ({ params }) => sb.remove('orders', params.id, 'order'));

	sb.route('POST', '/v1/attribution/orders/:order/items', ({ params, body }) => {
		const order = sb.get('orders', params.order, 'order');
		const item = newItem(sb, 'order_item', body, 'product');
		(order.items as JsonObject[]).push(item);
		return publicItem(order, item);
	});
	sb.route('PATCH', '/v1/attribution/orders/:order/items/:id', ({ params, body }) => {
		const order = sb.get('orders', params.order, 'order');
		const item = itemOf(order, params.id);
		const price = readPrice(body.price as Json | undefined, 'price');
		if (body.quantity !== undefined) {
			const quantity = Number(body.quantity);
			if (!Number.isFinite(quantity) || quantity < 0) throw invalid('quantity');
			item.quantity = quantity;
		}
		if (price) item.price = money(price.amount, price.currency, true);
		return publicItem(order, item);
	});
	sb.route('DELETE', '/v1/attribution/orders/:order/items/:id', ({ params }) => {
		const order = sb.get('orders', params.order, 'order');
		const item = itemOf(order, params.id);
		order.items = (order.items as JsonObject[]).filter((i) => i !== item);
		return { id: item.id as string, type: 'order_item', deleted: true };
	});
}
