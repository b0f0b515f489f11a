import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
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
import { HELLOTEXT_CREDENTIALS, HELLOTEXT_ICON, requestOptionsCollection } from './shared/descriptions';
import { sendRoutedRequest } from './shared/transport';

const RESOURCES: Array<{ name: string; value: string; properties: INodeProperties[] }> = [
	{ name: 'Action', value: 'action', properties: actionProperties },
	{ name: 'App', value: 'app', properties: appProperties },
	{ name: 'Cart', value: 'cart', properties: cartProperties },
	{ name: 'Coupon', value: 'coupon', properties: couponProperties },
	{ name: 'Event', value: 'event', properties: eventProperties },
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

export class Hellotext implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hellotext',
		name: 'hellotext',
		icon: HELLOTEXT_ICON,
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
			resourcePicker,
			...RESOURCES.flatMap((resource) => resource.properties),
			requestOptionsCollection,
		],
	};

	methods = {
		listSearch,
		loadOptions: { getCustomActions, getListNames, getPropertyNames },
	};
}
