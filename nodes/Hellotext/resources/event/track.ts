import type { INodeProperties } from 'n8n-workflow';

import { ACTION_FAMILIES, type ActionFamily } from '../../shared/actions';
import { additionalFieldsOf } from '../../shared/crud';
import { defineOperation } from '../../shared/descriptions';
import {
	actionPicker,
	CUSTOM_ACTION,
	eventValueFields,
	familyActions,
	hashFields,
	profileField,
	sessionField,
	showForActions,
	trackableLocator,
	trackProductsFields,
} from './fields';
import { buildTrackBody } from './trackBody';

/** Families whose object is given by ID or by inline parameters (cart takes products instead). */
const REFERENCED_FAMILIES = ACTION_FAMILIES.filter((family) => family !== 'cart');

const actionsOf = (families: readonly ActionFamily[]) => families.flatMap(familyActions);

const withDisplay = (field: INodeProperties, displayOptions: INodeProperties['displayOptions']) => ({
	...field,
	displayOptions,
});

const referenceOptions = [
	{ name: 'ID', value: 'id', description: 'An existing object' },
	{ name: 'Inline Parameters', value: 'parameters', description: 'A new object, created with the event' },
];

/** Picking by ID needs the object to exist: a new account has none, so the hints say what to do. */
const createInstead = 'None in the list yet? Set Reference By to Inline Parameters to create it with the event.';

const referenceBy: INodeProperties = {
	displayName: 'Reference By',
	name: 'referenceBy',
	type: 'options',
	noDataExpression: true,
	default: 'id',
	description: 'Pick an existing object, or create it with the event (what a new account with no objects yet needs)',
	displayOptions: showForActions(actionsOf(REFERENCED_FAMILIES)),
	options: referenceOptions,
};

const variantReferenceBy: INodeProperties = {
	displayName: 'Product Variant Reference By',
	name: 'variantReferenceBy',
	type: 'options',
	noDataExpression: true,
	default: 'none',
	displayOptions: showForActions(familyActions('product')),
	options: [...referenceOptions, { name: 'None', value: 'none', description: 'No product variant' }],
};

const objectFields: INodeProperties[] = [
	referenceBy,
	...(['app', 'coupon', 'form', 'order', 'refund'] as const).map((family) =>
		withDisplay(
			trackableLocator(family, `The ${family} the event refers to. ${createInstead}`, true),
			showForActions(familyActions(family), { referenceBy: ['id'] }),
		),
	),
	withDisplay(
		trackableLocator(
			'product',
			`The product the event refers to; may stay empty when a Product Variant is given by ID. ${createInstead}`,
		),
		showForActions(familyActions('product'), { referenceBy: ['id'] }),
	),
	...hashFields({
		name: 'inlineParameters',
		displayName: 'Inline Parameters',
		description: 'The parameters of the object to create and track the event for (e.g. name)',
		entry: 'Parameter',
	}).map((field) => withDisplay(field, showForActions(actionsOf(REFERENCED_FAMILIES), { referenceBy: ['parameters'] }))),
	variantReferenceBy,
	withDisplay(
		trackableLocator('productVariant', 'The product variant the event refers to', true),
		showForActions(familyActions('product'), { variantReferenceBy: ['id'] }),
	),
	...hashFields({
		name: 'variantParameters',
		displayName: 'Product Variant Parameters',
		description: 'The parameters of the product variant to create (needs Product by ID, reference or SKU)',
		entry: 'Parameter',
	}).map((field) => withDisplay(field, showForActions(familyActions('product'), { variantReferenceBy: ['parameters'] }))),
	withDisplay(
		trackableLocator('cart', 'The cart of the event: required for Cart: Abandoned; for added/removed products a new cart is created when empty'),
		showForActions(familyActions('cart')),
	),
	...trackProductsFields.map((field) => withDisplay(field, showForActions(familyActions('cart')))),
	{
		displayName: 'Related Objects',
		name: 'relatedObjects',
		type: 'collection',
		placeholder: 'Add Object',
		default: {},
		displayOptions: showForActions([CUSTOM_ACTION]),
		options: (['app', 'form', 'order', 'product', 'refund'] as const).map((name) =>
			trackableLocator(name, `The ${name} this event is associated to`),
		),
	},
];

export const trackEvent = defineOperation({
	value: 'track',
	name: 'Track',
	action: 'Track an event',
	description: 'Record what a customer did: a built-in or custom action, for a profile or a session',
	method: 'POST',
	path: '/attribution/events',
	preSend: [buildTrackBody],
	fields: [
		actionPicker,
		{
			displayName: 'Custom Action Name or ID',
			name: 'customAction',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomActions' },
			required: true,
			default: '',
			displayOptions: showForActions([CUSTOM_ACTION]),
			description:
				'The custom action to track; create it first with Event Type > Create. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		...objectFields,
		profileField,
		sessionField,
		{
			displayName: 'Additional Fields',
			name: additionalFieldsOf('event'),
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Amount and Currency are both required for App: Spent',
			options: eventValueFields,
		},
	],
});
