import type { INodeProperties } from 'n8n-workflow';

import { BUILT_IN_ACTIONS, type ActionFamily } from '../../shared/actions';
import { metadataFields } from '../../shared/commerce';
import { idLocator } from '../../shared/locators';
import { profileIdLocator } from '../profile/fields';

/** The `action` value that switches to the account's custom actions. */
export const CUSTOM_ACTION = 'custom';

export const eventIdLocator = idLocator({
	name: 'eventId',
	displayName: 'Event',
	searchListMethod: 'searchEvents',
	description: 'The tracked event',
});

/** The objects an event can refer to: node parameter, label, list search, API name. */
export const TRACKABLES = {
	app: { displayName: 'App', search: 'searchApps', api: 'app' },
	cart: { displayName: 'Cart', search: 'searchCarts', api: 'cart' },
	coupon: { displayName: 'Coupon', search: 'searchCoupons', api: 'coupon' },
	form: { displayName: 'Form', search: 'searchForms', api: 'form' },
	order: { displayName: 'Order', search: 'searchOrders', api: 'order' },
	product: { displayName: 'Product', search: 'searchProducts', api: 'product' },
	productVariant: { displayName: 'Product Variant', search: 'searchProductVariants', api: 'product_variant' },
	refund: { displayName: 'Refund', search: 'searchRefunds', api: 'refund' },
} as const;

export type Trackable = keyof typeof TRACKABLES;

/** A locator for an object an event refers to; products and variants also by reference or SKU. */
export function trackableLocator(name: Trackable, description: string, required = false): INodeProperties {
	const spec = TRACKABLES[name];
	return idLocator({
		name,
		displayName: spec.displayName,
		searchListMethod: spec.search,
		byReference: name === 'product' || name === 'productVariant',
		description,
		required,
	});
}

const titleCase = (text: string) =>
	text
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');

/** "Order: Printed Label" → `order.printed_label`, every built-in action plus Custom Action. */
export const actionPicker: INodeProperties = {
	displayName: 'Action',
	name: 'action',
	type: 'options',
	noDataExpression: true,
	required: true,
	default: 'order.placed',
	description: 'What the customer did: a built-in action, grouped by the object it refers to, or a custom action of the account',
	options: [
		...Object.values(BUILT_IN_ACTIONS)
			.flat()
			.map((action) => {
				const [family, verb] = action.split('.');
				return { name: `${titleCase(family)}: ${titleCase(verb)}`, value: action as string };
			}),
		{ name: 'Custom Action', value: CUSTOM_ACTION, description: 'One of the account’s own actions (see the Event Type resource)' },
	].sort((a, b) => a.name.localeCompare(b.name)),
};

/** displayOptions that show a field only for the given `action` values (and extra conditions). */
export function showForActions(actions: readonly string[], extra: Record<string, string[]> = {}) {
	return { show: { action: [...actions], ...extra } };
}

export const familyActions = (family: ActionFamily) => BUILT_IN_ACTIONS[family];

const namedPairs = (
	displayName: string,
	name: string,
	description: string,
	entry: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: `Add ${entry}`,
	default: {},
	description,
	options: [
		{
			displayName: entry,
			name: 'values',
			values: [
				{ displayName: 'Name', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

/** An inline hash: name/value pairs, and a JSON object merged under them (for expressions). */
export function hashFields(spec: {
	name: string;
	displayName: string;
	description: string;
	entry: string;
}): INodeProperties[] {
	return [
		namedPairs(spec.displayName, spec.name, spec.description, spec.entry),
		{
			displayName: `${spec.displayName} (JSON)`,
			name: `${spec.name}Json`,
			type: 'json',
			default: '{}',
			description: `${spec.description}, as a JSON object; pairs set above win over the same names here`,
		},
	];
}

const productIdentifierGroup = {
	displayName: 'Existing Product or Variant',
	name: 'identifiers',
	values: [
		{
			displayName: 'ID, Reference or SKU',
			name: 'id',
			type: 'string' as const,
			default: '',
			placeholder: 'e.g. SKU-1234',
			description: 'The ID, reference or SKU of a product or product variant',
		},
	],
};

const productsCollection = (description: string, options: INodeProperties['options']): INodeProperties => ({
	displayName: 'Products',
	name: 'products',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Product',
	default: {},
	description,
	options,
});

/** `products` of cart events: existing products or variants, or new ones by inline parameters. */
export const trackProductsFields: INodeProperties[] = [
	productsCollection(
		'The products added to or removed from the cart. Set a reference or SKU on new products to avoid duplicates.',
		[
			productIdentifierGroup,
			{
				displayName: 'New Product or Variant',
				name: 'inline',
				values: [
					{
						displayName: 'Kind',
						name: 'kind',
						type: 'options',
						default: 'product_parameters',
						options: [
							{ name: 'Product', value: 'product_parameters' },
							{ name: 'Product Variant', value: 'product_variant_parameters' },
						],
					},
					{
						displayName: 'Parameters (JSON)',
						name: 'parameters',
						type: 'json',
						default: '{\n  "name": "",\n  "reference": ""\n}',
						description: 'The product or variant parameters, e.g. name, reference, sku, price',
					},
				],
			},
		],
	),
	{
		displayName: 'Products (JSON)',
		name: 'productsJson',
		type: 'json',
		default: '[]',
		description: 'More products as a JSON array, sent after the ones above: IDs, references or SKUs as strings, or objects',
	},
];

/** `products` of an update: an array of product identifiers. */
export const updateProductsField = productsCollection('The products of the event, by ID, reference or SKU', [
	productIdentifierGroup,
]);

export const sessionField: INodeProperties = {
	displayName: 'Session',
	name: 'session',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2KAGgAgm',
	description:
		'The session of the event, from a short link click or Hellotext.js. Required when Profile is empty. A session not yet assigned to a profile gets assigned to the Profile given.',
};

export const profileField: INodeProperties = {
	...profileIdLocator,
	name: 'profile',
	required: false,
	description: 'The customer profile of the event. Required when Session is empty.',
};

/** Fields every event write takes besides the objects: amount, currency, metadata, tracked_at, url. */
export const eventValueFields: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'The revenue of this event, aggregated into campaign reports',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description: 'ISO 4217 code of the amount (USD when not given); needs an Amount',
	},
	...metadataFields('event'),
	{
		displayName: 'Tracked At',
		name: 'trackedAt',
		type: 'dateTime',
		default: '',
		description: 'When the event happened, for events from the past; sent as epoch seconds. Defaults to the time of tracking.',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/checkout',
		description: 'The page the event happened on',
	},
];
