// Refunds: the refundable is the order or the product given; the total defaults to the order's
// total or the product's price.
import { type HellotextSandbox, type JsonObject, type StoredObject } from '../server.ts';
import { readMetadata } from './carts.ts';
import { orderSum } from './orders.ts';
import { findProduct, insertApplying, money, priceOf, readPrice } from './products.ts';

export function registerRefunds(sb: HellotextSandbox): void {
	const refundable = (object: StoredObject, amount: number, currency: string): JsonObject => ({
		id: object.id,
		type: object.type,
		amount: amount.toFixed(2),
		created_at: object.created_at,
		currency,
		metadata: (object.metadata as JsonObject) ?? {},
	});

	const apply = (refund: StoredObject, body: JsonObject) => {
		const metadata = readMetadata(body.metadata);
		const total = readPrice(body.total, 'total');
		let value: { amount: number; currency: string } | undefined;
		if (body.order !== undefined && body.order !== null && body.order !== '') {
			const order = sb.get('orders', String(body.order), 'order');
			value = orderSum(order);
			refund.refundable = refundable(order, value.amount, value.currency);
		}
		if (body.product !== undefined && body.product !== null && body.product !== '') {
			const product = findProduct(sb, String(body.product));
			value = priceOf(product.price) ?? { amount: 0, currency: 'USD' };
			refund.refundable = refundable(product, value.amount, value.currency);
		}
		if (body.profile !== undefined && body.profile !== null && body.profile !== '') refund.profile = sb.get('profiles', String(body.profile), 'profile').id;
		if (metadata) refund.metadata = metadata;
		for (const key of ['reference', 'source'] as const) if (body[key] !== undefined) refund[key] = body[key];
		const chosen = total ?? (refund.total ? undefined : value);
		if (chosen) refund.total = money(chosen.amount, chosen.currency);
	};

	sb.route('POST', '/v1/attribution/refunds', ({ body }) => {
		const defaults = { metadata: {}, profile: null, reference: null, refundable: null, source: null, total: null };
		return insertApplying(sb, 'refunds', 'refund', defaults, (refund) => apply(refund, body));
	});
	sb.route('PATCH', '/v1/attribution/refunds/:id', ({ params, body }) => {
		const refund = sb.get('refunds', params.id, 'refund');
		apply(refund, body);
		return refund;
	});
	sb.crud('/v1/attribution/refunds', 'refunds', 'refunds', 'refund');
}
