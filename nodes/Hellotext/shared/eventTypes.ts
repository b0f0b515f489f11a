/**
 * The built-in event types (the API's `action` values), by the family of objects each refers to.
 * Besides the reference's, the ones Hellotext's developer guides document for integrations (page,
 * checkout, subscription); without `order.printed_label`, which the guides call internal to
 * Hellotext ("not to send"), while the reference lists it.
 */
export const BUILT_IN_EVENT_TYPES = {
	app: ['app.installed', 'app.removed', 'app.spent'],
	cart: ['cart.added', 'cart.removed', 'cart.abandoned', 'cart.viewed'],
	checkout: ['checkout.started'],
	coupon: ['coupon.redeemed'],
	form: ['form.completed'],
	order: ['order.placed', 'order.confirmed', 'order.cancelled', 'order.shipped', 'order.delivered'],
	page: ['page.viewed'],
	product: ['product.purchased', 'product.viewed'],
	refund: ['refund.requested', 'refund.received'],
	subscription: ['subscribed', 'unsubscribed'],
} as const;

export type EventTypeFamily = keyof typeof BUILT_IN_EVENT_TYPES;

export const EVENT_TYPE_FAMILIES = Object.keys(BUILT_IN_EVENT_TYPES) as EventTypeFamily[];

/** The family of a built-in event type, or `custom` for anything else. */
export function familyOf(eventType: string): EventTypeFamily | 'custom' {
	for (const family of EVENT_TYPE_FAMILIES) {
		if ((BUILT_IN_EVENT_TYPES[family] as readonly string[]).includes(eventType)) return family;
	}
	return 'custom';
}
