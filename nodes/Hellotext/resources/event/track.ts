/** Event > Track: its fields, grouped by the family of the event type, and the body built from them. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { familyOf, type EventTypeFamily } from '../../shared/eventTypes';
import { fieldCollection, idLocator } from '../../shared/fields';
import { pairsInput, parseJsonArray, parseJsonObject, topLevelValues } from '../../shared/inputs';
import { locatorValue, type Item } from '../../shared/item';
import { additionalFieldsOf, defineOperation } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import type { RequestStep } from '../../shared/request';
import {
	CUSTOM_EVENT_TYPE,
	eventTypePicker,
	eventValueFields,
	finishEventBody,
	productIdentifiersOf,
	profileField,
	sessionField,
	showFor,
	TRACKABLES,
	trackableLocator,
	trackProducts,
	typesOf,
	type Trackable,
} from './fields';

/** Families whose object is given by ID or by inline parameters. */
const REFERENCED: EventTypeFamily[] = ['app', 'coupon', 'form', 'order', 'product', 'refund'];
/** The objects a custom event type may be associated to (the reference). */
const RELATED: Trackable[] = ['app', 'form', 'order', 'product', 'refund'];

const shown = (field: INodeProperties, displayOptions: INodeProperties['displayOptions']) => ({ ...field, displayOptions });

const referenceOptions = [
	{ name: 'ID', value: 'id', description: 'An existing object' },
	{ name: 'Inline Parameters', value: 'parameters', description: 'A new object, created with the event' },
];

/** Picking by ID needs the object to exist: a new account has none, so the hints say what to do. */
const createInstead = 'None in the list yet? Set Reference By to Inline Parameters to create it with the event.';

const inlineParameters = pairsInput({
	displayName: 'Inline Parameters',
	name: 'inlineParameters',
	rowName: 'Parameter',
	description: 'The parameters of the object to create and track the event for (e.g. name)',
	json: true,
});
const variantParameters = pairsInput({
	displayName: 'Product Variant Parameters',
	name: 'variantParameters',
	rowName: 'Parameter',
	description: 'The parameters of the product variant to create (needs Product by ID, reference or SKU)',
	json: true,
});
const objectParameters = pairsInput({
	displayName: 'Object Parameters',
	name: 'objectParameters',
	rowName: 'Property',
	keyName: 'Property Name',
	description: 'The property values of a new object of the Object Type, created with the event (every time: it never finds an existing one)',
	json: true,
});

const cartTypes = typesOf('cart');

const objectFields: INodeProperties[] = [
	{
		displayName: 'Reference By',
		name: 'referenceBy',
		type: 'options',
		noDataExpression: true,
		default: 'id',
		description: 'Pick an existing object, or create it with the event (what a new account with no objects yet needs)',
		displayOptions: showFor(typesOf(...REFERENCED)),
		options: referenceOptions,
	},
	...(['app', 'coupon', 'form', 'order', 'refund'] as const).map((family) =>
		shown(trackableLocator(family, `The ${family} the event refers to. ${createInstead}`, true), showFor(typesOf(family), { referenceBy: ['id'] })),
	),
	shown(
		trackableLocator('product', `The product the event refers to; may stay empty when a Product Variant is given by ID. ${createInstead}`),
		showFor(typesOf('product'), { referenceBy: ['id'] }),
	),
	...inlineParameters.fields.map((field) => shown(field, showFor(typesOf(...REFERENCED), { referenceBy: ['parameters'] }))),
	{
		displayName: 'Product Variant Reference By',
		name: 'variantReferenceBy',
		type: 'options',
		noDataExpression: true,
		default: 'none',
		displayOptions: showFor(typesOf('product')),
		options: [...referenceOptions, { name: 'None', value: 'none', description: 'No product variant' }],
	},
	shown(trackableLocator('productVariant', 'The product variant the event refers to', true), showFor(typesOf('product'), { variantReferenceBy: ['id'] })),
	...variantParameters.fields.map((field) => shown(field, showFor(typesOf('product'), { variantReferenceBy: ['parameters'] }))),
	shown(
		trackableLocator('cart', 'The cart of the event: required for Cart: Abandoned; for added or removed products a new cart is created when empty'),
		showFor([...cartTypes, ...typesOf('checkout')]),
	),
	shown(trackProducts, showFor(['cart.added', 'cart.removed', 'cart.abandoned'])),
	{
		displayName: 'Products (JSON)',
		name: 'productsJson',
		type: 'json',
		default: '[]',
		description: 'More products as a JSON array, sent after the ones above: IDs, references or SKUs as strings, or objects',
		displayOptions: showFor(['cart.added', 'cart.removed', 'cart.abandoned']),
	},
	{
		displayName: 'Related Objects',
		name: 'relatedObjects',
		type: 'collection',
		placeholder: 'Add Object',
		default: {},
		displayOptions: showFor([CUSTOM_EVENT_TYPE]),
		options: RELATED.map((name) => trackableLocator(name, `The ${name} this event is associated to`)),
	},
	// The guides' generic object form, for the custom object structures (Object Type resource).
	shown(
		idLocator({
			name: 'objectType',
			displayName: 'Object Type',
			searchListMethod: 'searchCustomObjectTypes',
			searchPlaceholder: 'Search by name…',
			byName: true,
			required: false,
			description: 'A custom object structure the event is about (see the Object Type resource), by ID or name; leave empty for none',
		}),
		showFor([CUSTOM_EVENT_TYPE]),
	),
	{
		displayName: 'Object Reference By',
		name: 'objectReferenceBy',
		type: 'options',
		noDataExpression: true,
		default: 'id',
		displayOptions: showFor([CUSTOM_EVENT_TYPE]),
		options: referenceOptions,
	},
	{
		displayName: 'Object ID',
		name: 'objectId',
		type: 'string',
		default: '',
		placeholder: 'e.g. Inst9xYz',
		description: 'An existing object of the Object Type (its ID, as in the object’s edit link in Hellotext)',
		displayOptions: showFor([CUSTOM_EVENT_TYPE], { objectReferenceBy: ['id'] }),
	},
	...objectParameters.fields.map((field) => shown(field, showFor([CUSTOM_EVENT_TYPE], { objectReferenceBy: ['parameters'] }))),
];

const hashOf = (item: Item, input: typeof inlineParameters) => input.read(item, topLevelValues(item, input));

/** app, coupon, form, order, refund: the object by id, or `<family>_parameters` to create it. */
function referencedObject(item: Item, body: IDataObject, eventType: string, family: 'app' | 'coupon' | 'form' | 'order' | 'refund') {
	if (item.get('referenceBy', 'id') === 'parameters') {
		const hash = hashOf(item, inlineParameters);
		if (!hash) refuse(item, `"Inline Parameters" of the ${family} are required for ${eventType}`);
		body[`${family}_parameters`] = hash;
		return;
	}
	const id = item.id(family);
	if (!id) {
		refuse(item, `"${TRACKABLES[family].displayName}" is required for ${eventType}`, 'Choose it, or set Reference By to Inline Parameters to create it with the event');
	}
	body[family] = id;
}

/**
 * product.*: a product (id, reference or SKU, or product_parameters) and/or a variant
 * (product_variant, or product_variant_parameters, which needs the product given as well).
 */
function productObjects(item: Item, body: IDataObject, eventType: string) {
	let product: string | undefined;
	if (item.get('referenceBy', 'id') === 'parameters') {
		const hash = hashOf(item, inlineParameters);
		if (!hash) refuse(item, `"Inline Parameters" of the product are required for ${eventType}`);
		body.product_parameters = hash;
	} else {
		product = item.id('product');
		if (product) body.product = product;
	}
	const variantBy = item.get('variantReferenceBy', 'none');
	if (variantBy === 'id') {
		const variant = item.id('productVariant');
		if (!variant) refuse(item, `"Product Variant" is required for ${eventType} when referenced by ID`);
		body.product_variant = variant;
	} else if (variantBy === 'parameters') {
		const hash = hashOf(item, variantParameters);
		if (!hash) refuse(item, `"Product Variant Parameters" are required for ${eventType}`);
		if (!product) {
			refuse(item, '"Product" (by ID, reference or SKU) is required with "Product Variant Parameters"', 'The new variant is created under that product');
		}
		body.product_variant_parameters = hash;
	}
	if (!['product', 'product_parameters', 'product_variant', 'product_variant_parameters'].some((key) => body[key] !== undefined)) {
		refuse(item, `"Product" is required for ${eventType}`, 'Give a product or a product variant, by ID, reference or SKU, or by inline parameters');
	}
}

interface InlineProduct {
	kind?: string;
	parameters?: unknown;
}

/** cart.*: the cart (required to abandon it) and the products added or removed; checkout: the cart. */
function cartObjects(item: Item, body: IDataObject, eventType: string) {
	const cart = item.id('cart');
	if (cart) body.cart = cart;
	else if (eventType === 'cart.abandoned') refuse(item, '"Cart" is required for cart.abandoned');
	if (!['cart.added', 'cart.removed', 'cart.abandoned'].includes(eventType)) return;

	const entries = item.get<IDataObject>('products', {}) ?? {};
	const products: unknown[] = productIdentifiersOf(item, entries);
	for (const { kind, parameters } of (entries.inline ?? []) as InlineProduct[]) {
		const hash = parseJsonObject(item, parameters ?? '{}', 'Products › Parameters (JSON)');
		if (Object.keys(hash).length === 0) refuse(item, '"Products" has a new product without parameters');
		products.push({ [kind === 'productVariant' ? 'product_variant_parameters' : 'product_parameters']: hash });
	}
	const json = item.get('productsJson', '[]');
	if (!(typeof json === 'string' && json.trim() === '')) products.push(...parseJsonArray(item, json, 'Products (JSON)'));
	if (products.length > 0) body.products = products as IDataObject[];
	else if (eventType !== 'cart.abandoned') refuse(item, `"Products" is required for ${eventType}`);
}

/** Custom event types: optional related objects, and an object of a custom structure. */
function customObjects(item: Item, body: IDataObject) {
	const related = item.get<IDataObject>('relatedObjects', {}) ?? {};
	for (const name of RELATED) {
		const id = locatorValue(related[name]);
		if (id) body[TRACKABLES[name].api] = id;
	}
	const objectType = item.id('objectType');
	const byParameters = item.get('objectReferenceBy', 'id') === 'parameters';
	const object = byParameters ? hashOf(item, objectParameters) : item.id('objectId');
	if (!objectType) {
		if (object !== undefined) refuse(item, '"Object Type" is required with an object', 'Pick the custom object structure the object belongs to.');
		return;
	}
	body.object_type = objectType;
	if (object === undefined) {
		refuse(item, byParameters ? '"Object Parameters" are required with an Object Type' : '"Object ID" is required with an Object Type');
	}
	// The guides: `object` or `object_parameters`, never both.
	body[byParameters ? 'object_parameters' : 'object'] = object;
}

/** Builds the Track body and checks, before sending, every rule the reference and the guides state. */
const trackBody: RequestStep = (item, request) => {
	const chosen = item.get<string>('eventType');
	const eventType = chosen === CUSTOM_EVENT_TYPE ? String(item.get('customEventType', '') ?? '').trim() : chosen;
	if (!eventType) refuse(item, '"Custom Event Type" is required', 'Choose one of the account’s own event types');
	const body: IDataObject = { action: eventType };

	const family = chosen === CUSTOM_EVENT_TYPE ? 'custom' : familyOf(eventType);
	if (family === 'custom') customObjects(item, body);
	else if (family === 'cart' || family === 'checkout') cartObjects(item, body, eventType);
	else if (family === 'product') productObjects(item, body, eventType);
	else if (family === 'page' || family === 'subscription') {
		// No object: the profile or session, and the event's values.
	} else referencedObject(item, body, eventType, family);

	const owner = { profile: item.get('profile', ''), session: item.get('session', ''), required: true };
	request.body = finishEventBody(item, body, owner, item.get<IDataObject>(additionalFieldsOf('event'), {}), (values) => {
		if (eventType !== 'app.spent') return;
		if (values.amount === undefined) refuse(item, '"Amount" is required for app.spent');
		if (values.currency === undefined) refuse(item, '"Currency" is required for app.spent');
	});
};

export const trackEvent = defineOperation({
	value: 'track',
	name: 'Track',
	action: 'Track an event',
	description:
		'Record what a customer did: a built-in or custom event type (the API’s action), for a profile or a session (one is needed), with the object it refers to',
	method: 'POST',
	path: '/attribution/events',
	steps: [trackBody],
	fields: [
		eventTypePicker,
		{
			displayName: 'Custom Event Type Name or ID',
			name: 'customEventType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomEventTypes' },
			required: true,
			default: '',
			displayOptions: showFor([CUSTOM_EVENT_TYPE]),
			description:
				'The account’s own event type to track; create it first with Event Type > Create. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		...objectFields,
		profileField,
		sessionField,
		...fieldCollection('Additional Fields', additionalFieldsOf('event'), eventValueFields, 'Amount and Currency are both required for App: Spent'),
	],
});
