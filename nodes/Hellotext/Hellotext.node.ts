import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods/listSearch';
import { getCustomActions, getListNames, getPropertyNames } from './methods/loadOptions';
import { actionProperties } from './resources/action';
import { appProperties } from './resources/app';
import { cartProperties } from './resources/cart';
import { couponProperties } from './resources/coupon';
import { eventProperties } from './resources/event';
import { formProperties } from './resources/form';
import { listProperties } from './resources/list';
import { orderProperties } from './resources/order';
import { orderItemProperties } from './resources/orderItem';
import { productProperties } from './resources/product';
import { productVariantProperties } from './resources/productVariant';
import { profileProperties } from './resources/profile';
import { propertyProperties } from './resources/property';
import { refundProperties } from './resources/refund';
import { sessionProperties } from './resources/session';
import { HELLOTEXT_CREDENTIALS, HELLOTEXT_ICON, mergeSameFields, requestOptionsCollection } from './shared/descriptions';
import { sendRoutedRequest } from './shared/transport';

const RESOURCES: Array<{ name: string; value: string; properties: INodeProperties[] }> = [
	{ name: 'App', value: 'app', properties: appProperties },
	{ name: 'Cart', value: 'cart', properties: cartProperties },
	{ name: 'Coupon', value: 'coupon', properties: couponProperties },
	{ name: 'Event', value: 'event', properties: eventProperties },
	// Hellotext's custom actions: "Action" would read "Action actions" in n8n's node panel.
	{ name: 'Event Type', value: 'action', properties: actionProperties },
	{ name: 'Form', value: 'form', properties: formProperties },
	{ name: 'List', value: 'list', properties: listProperties },
	{ name: 'Order', value: 'order', properties: orderProperties },
	{ name: 'Order Item', value: 'orderItem', properties: orderItemProperties },
	{ name: 'Product', value: 'product', properties: productProperties },
	{ name: 'Product Variant', value: 'productVariant', properties: productVariantProperties },
	{ name: 'Profile', value: 'profile', properties: profileProperties },
	{ name: 'Property', value: 'property', properties: propertyProperties },
	{ name: 'Refund', value: 'refund', properties: refundProperties },
	{ name: 'Session', value: 'session', properties: sessionProperties },
].filter((resource) => resource.properties.length > 0);

const resourcePicker: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ name, value }) => ({ name, value })),
	default: 'profile',
};

/**
 * The canvas subtitle: what the node does, e.g. "Add a profile to a list", from each operation's
 * action text (the editor evaluates it; it is never evaluated while a workflow runs).
 */
const actionByOperation = Object.fromEntries(
	RESOURCES.flatMap(({ value, properties }) =>
		(properties.find((p) => p.name === 'operation')?.options ?? []).map((option) => [
			`${value}:${(option as INodePropertyOptions).value}`,
			(option as INodePropertyOptions).action,
		]),
	),
);
const subtitle = `={{ ${JSON.stringify(actionByOperation)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;

export class Hellotext implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hellotext',
		name: 'hellotext',
		icon: HELLOTEXT_ICON,
		group: ['output'],
		// 2: every parameter has its own name (0.2); version 1 nodes: see shared/version1.ts.
		version: [1, 2],
		defaultVersion: 2,
		subtitle,
		description: 'Manage Hellotext profiles, lists, coupons and e-commerce events',
		defaults: { name: 'Hellotext' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: HELLOTEXT_CREDENTIALS,
		requestDefaults: {
			// sendRoutedRequest replaces this with the credential's Base URL, read once per run.
			baseURL: 'https://api.hellotext.com/v1',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		// Every operation sets `paginate`, so each request leaves through this one function.
		requestOperations: { pagination: sendRoutedRequest },
		properties: [
			{
				displayName:
					'This node is from version 0.1 of the package, whose parameter names changed: operations that create or update stop with an error. Add a new Hellotext node in its place.',
				name: 'version1Notice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [1] } },
			},
			resourcePicker,
			// Return All and Limit are one property each, shown for every Get Many.
			...mergeSameFields(
				RESOURCES.map((resource) => resource.properties),
				'resource',
			),
			requestOptionsCollection,
		],
	};

	methods = {
		listSearch,
		loadOptions: { getCustomActions, getListNames, getPropertyNames },
	};
}
