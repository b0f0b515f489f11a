/** What Track and Update share: the objects an event refers to, its owner, its values. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { BUILT_IN_EVENT_TYPES, type EventTypeFamily } from '../../shared/eventTypes';
import { idLocator, profileLocator } from '../../shared/fields';
import { currencyCode, metadataInput, moneyAmount } from '../../shared/inputs';
import { isBlank, locatorValue, type Item } from '../../shared/item';
import { httpUrl, refuse } from '../../shared/refusals';
import { toEpochSeconds } from './epoch';

/** The Event Type picker's value for the account's own event types (custom actions). */
export const CUSTOM_EVENT_TYPE = 'custom';

export const eventId = idLocator({
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

/** "Order: Placed", "Page: Viewed", "Subscribed": how the picker and the trigger's filter name a built-in event type. */
function builtInName(eventType: string): string {
	const [family, verb] = eventType.split('.');
	return verb === undefined ? titleCase(family) : `${titleCase(family)}: ${titleCase(verb)}`;
}

/** Every built-in event type, by its picker name, and Custom Event Type. */
export const eventTypePicker: INodeProperties = {
	displayName: 'Event Type',
	name: 'eventType',
	type: 'options',
	noDataExpression: true,
	required: true,
	default: 'order.placed',
	description:
		'What the customer did (the API’s action): a built-in event type, named after the object it refers to, or one of the account’s own',
	options: [
		...Object.values(BUILT_IN_EVENT_TYPES)
			.flat()
			.map((eventType) => ({ name: builtInName(eventType), value: eventType as string })),
		{ name: 'Custom Event Type', value: CUSTOM_EVENT_TYPE, description: 'One of the account’s own (see the Event Type resource)' },
	].sort((a, b) => a.name.localeCompare(b.name)),
};

/** displayOptions that show a field only for the given event types (and extra conditions). */
export const showFor = (eventTypes: readonly string[], extra: Record<string, string[]> = {}) => ({
	show: { eventType: [...eventTypes], ...extra },
});

export const typesOf = (...families: EventTypeFamily[]) => families.flatMap((family) => BUILT_IN_EVENT_TYPES[family]);

export const sessionField: INodeProperties = {
	displayName: 'Session',
	name: 'session',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2KAGgAgm',
	description:
		'The session of the event, from a short link click or Hellotext.js. Required when Profile is empty. With a Profile too, the session must already belong to that profile (attach it first with Session > Attach Profile).',
};

export const profileField: INodeProperties = profileLocator(
	'profile',
	'The customer profile of the event. Required when Session is empty.',
	false,
);

/** The profile and session of an event, into the body; `required`: one of them must be given. */
function readOwner(item: Item, values: { profile?: unknown; session?: unknown }, body: IDataObject, required: boolean) {
	const profile = locatorValue(values.profile);
	const session = locatorValue(values.session);
	if (required && !profile && !session) {
		refuse(item, '"Profile" or "Session" is required', 'Every event belongs to a customer profile or a session');
	}
	if (profile) body.profile = profile;
	if (session) body.session = session;
}

const metadata = metadataInput('event');

/** The fields every event write takes besides its objects: amount, currency, metadata, tracked_at, url. */
export const eventValueFields: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'The revenue of this event, in major units (19.90, not cents), aggregated into campaign reports',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description: 'ISO 4217 code of the amount (USD when not given); needs an Amount',
	},
	...metadata.fields,
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

/**
 * amount, currency, metadata, tracked_at and url from a collection of `eventValueFields`, each only
 * when set. Currency must be an ISO 4217 code, the date a valid one, the URL an http(s) URL.
 */
function readEventValues(item: Item, values: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (!isBlank(values.amount)) body.amount = moneyAmount(item, values.amount, 'Amount');
	if (!isBlank(values.currency)) body.currency = currencyCode(item, values.currency, 'Currency');
	const hash = metadata.read(item, values);
	if (hash) body.metadata = hash;
	if (!isBlank(values.trackedAt)) {
		const epoch = toEpochSeconds(values.trackedAt, item.timezone);
		if (epoch === undefined) refuse(item, `"Tracked At" is not a valid date: ${String(values.trackedAt)}`);
		body.tracked_at = epoch;
	}
	if (typeof values.url === 'string' && values.url.trim() !== '') body.url = httpUrl(item, values.url, 'URL');
	return body;
}

/**
 * What Track and Update end an event's body with: its owner (profile or session; Track needs one),
 * its values (`eventValueFields`), and the reference's rule that an amount comes with a currency
 * (`check` adds an event type's own rules between the two).
 */
export function finishEventBody(
	item: Item,
	body: IDataObject,
	owner: { profile?: unknown; session?: unknown; required: boolean },
	values: IDataObject,
	check: (body: IDataObject) => void = () => undefined,
): IDataObject {
	readOwner(item, owner, body, owner.required);
	Object.assign(body, readEventValues(item, values));
	check(body);
	if (body.currency !== undefined && body.amount === undefined) refuse(item, '"Amount" is required when "Currency" is set');
	return body;
}

const productIdentifiers = {
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

export const productsCollection = (description: string, options: INodeProperties['options']): INodeProperties => ({
	displayName: 'Products',
	name: 'products',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Product',
	default: {},
	description,
	options,
});

/** The products of a cart event, new ones given inline. */
export const trackProducts = productsCollection(
	'The products added to or removed from the cart. Set a reference or SKU on new products to avoid duplicates.',
	[
		productIdentifiers,
		{
			displayName: 'New Product or Variant',
			name: 'inline',
			values: [
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					default: 'product',
					options: [
						{ name: 'Product', value: 'product' },
						{ name: 'Product Variant', value: 'productVariant' },
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
);

/** The products of an update: product identifiers. */
export const updateProducts = productsCollection('The products of the event, by ID, reference or SKU', [productIdentifiers]);

/** The IDs, references or SKUs of a Products collection's "Existing Product or Variant" rows. */
export function productIdentifiersOf(item: Item, value: unknown): string[] {
	const rows = ((value as IDataObject | undefined)?.identifiers ?? []) as Array<{ id?: unknown }>;
	return rows.map(({ id }) => locatorValue(id) ?? refuse(item, '"Products" has an entry without an ID, reference or SKU'));
}
