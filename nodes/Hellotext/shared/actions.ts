/** The built-in tracking actions, by the family (object) each refers to. */
export const BUILT_IN_ACTIONS = {
	app: ['app.installed', 'app.removed', 'app.spent'],
	cart: ['cart.added', 'cart.removed', 'cart.abandoned'],
	coupon: ['coupon.redeemed'],
	form: ['form.completed'],
	order: [
		'order.placed',
		'order.confirmed',
		'order.cancelled',
		'order.shipped',
		'order.delivered',
		'order.printed_label',
	],
	product: ['product.purchased', 'product.viewed'],
	refund: ['refund.requested', 'refund.received'],
} as const;

export type ActionFamily = keyof typeof BUILT_IN_ACTIONS;

export const ACTION_FAMILIES = Object.keys(BUILT_IN_ACTIONS) as ActionFamily[];

/** The family of a built-in action, or `custom` for anything else. */
export function actionFamily(action: string): ActionFamily | 'custom' {
	for (const family of ACTION_FAMILIES) {
		if ((BUILT_IN_ACTIONS[family] as readonly string[]).includes(action)) return family;
	}
	return 'custom';
}
