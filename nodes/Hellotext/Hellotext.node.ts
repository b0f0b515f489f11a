import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods/listSearch';
import { getCustomEventTypes, getListNames, getPropertyNames, getTemplateShortLinkNames } from './methods/loadOptions';
import { app } from './resources/app';
import { cart } from './resources/cart';
import { coupon } from './resources/coupon';
import { event } from './resources/event';
import { eventType } from './resources/eventType';
import { form } from './resources/form';
import { list } from './resources/list';
import { message } from './resources/message';
import { objectType } from './resources/objectType';
import { order } from './resources/order';
import { orderItem } from './resources/orderItem';
import { product } from './resources/product';
import { productVariant } from './resources/productVariant';
import { profile } from './resources/profile';
import { property } from './resources/property';
import { refund } from './resources/refund';
import { session } from './resources/session';
import { template } from './resources/template';
import { mergeSameFields, requestLimitsCollection, type Resource } from './shared/operations';
import { HELLOTEXT_CREDENTIALS, HELLOTEXT_ICON } from './shared/transport';

/** The resources, in the order the Resource picker lists them. */
const RESOURCES: Resource[] = [
	app,
	cart,
	coupon,
	event,
	// Hellotext's custom actions: "Action" would read "Action actions" in n8n's node panel.
	eventType,
	form,
	list,
	message,
	objectType,
	order,
	orderItem,
	product,
	productVariant,
	profile,
	property,
	refund,
	session,
	template,
];

const resourcePicker: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ name, value }) => ({ name, value })),
	default: 'message',
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
		version: 1,
		subtitle,
		description: 'Send SMS and WhatsApp messages and manage Hellotext profiles, lists, coupons and e-commerce events',
		defaults: { name: 'Hellotext' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: HELLOTEXT_CREDENTIALS,
		// Every request leaves through shared/transport.ts with the credential's Base URL; RoutingNode
		// (which runs the reads) needs a default to resolve, nothing more.
		requestDefaults: { baseURL: 'https://api.hellotext.com/v1' },
		properties: [
			resourcePicker,
			...mergeSameFields(
				RESOURCES.map((resource) => resource.properties),
				'resource',
			),
			requestLimitsCollection,
		],
	};

	/** The writes run their own item loop (shared/run.ts); reads run on n8n's RoutingNode. */
	customOperations = Object.fromEntries(RESOURCES.map((resource) => [resource.value, resource.customOperations]));

	methods = {
		listSearch,
		loadOptions: { getCustomEventTypes, getListNames, getPropertyNames, getTemplateShortLinkNames },
	};
}
