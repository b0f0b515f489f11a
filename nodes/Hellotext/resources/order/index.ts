import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, sendAs, textField } from '../../shared/fields';
import { itemsInput, metadataInput } from '../../shared/inputs';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { addToBody, type RequestStep } from '../../shared/request';

export const orderId = idLocator({
	name: 'orderId',
	displayName: 'Order',
	searchListMethod: 'searchOrders',
	description: 'The order to act on',
});

/** The `reference` and `source` every e-commerce object has, sent as they are. */
export const referenceAndSource = (noun: string): INodeProperties[] => [
	textField('Reference', 'reference', 'reference', `The ${noun} number or original identifier in the external source`),
	textField('Source', 'source', 'source', `The source or platform the ${noun} comes from`, { placeholder: 'e.g. shopify' }),
];

const delivery: INodeProperties = {
	displayName: 'Delivery',
	name: 'delivery',
	type: 'options',
	default: 'deliver',
	description: 'How the order reaches the customer; Journeys can branch on it. Hellotext needs it for orders from a custom store.',
	options: [
		{ name: 'Collect', value: 'collect', description: 'Bought in store or picked up from the store' },
		{ name: 'Deliver', value: 'deliver', description: 'Shipped to the customer’s address' },
	],
	routing: sendAs('delivery'),
};

/** The guides' order fields besides the reference's: a display name, how it was paid, where it was sold. */
const guideFields: INodeProperties[] = [
	textField('Name', 'name', 'name', 'Display name of the order, e.g. Order #55', { placeholder: 'e.g. Order #55' }),
	textField('Payment Method', 'paymentMethod', 'payment_method', 'How the order was paid, e.g. Visa or Cash'),
	textField('Sales Channel', 'salesChannel', 'sales_channel', 'Where the order was sold, e.g. Web Shop or Kiosk'),
];

const metadata = metadataInput('order');
const items = itemsInput('items', 'Items', 'Products in the order');

/**
 * Create takes items; Update changes the order's own fields only (items have their own resource).
 * No total on create: the guides say the total follows from the items.
 */
const body =
	(collection: string, withItems: boolean): RequestStep =>
	(item, request) => {
		const values = item.get<IDataObject>(collection, {});
		addToBody(request, { items: withItems ? items.read(item, values) : undefined, metadata: metadata.read(item, values) });
	};

const ownFields = [delivery, ...metadata.fields, ...referenceAndSource('order'), ...guideFields];

export const order = defineResource(
	'Order',
	'order',
	crud({
		resource: 'order',
		noun: 'order',
		plural: 'orders',
		path: '/attribution/orders',
		idField: orderId,
		simplify: ['id', 'type', 'name', 'reference', 'source', 'delivery', 'total', 'items', 'profile', 'created_at'],
		create: { options: [...ownFields, ...items.fields], steps: [body(additionalFieldsOf('order'), true)] },
		update: { options: ownFields, steps: [body(updateFieldsOf('order'), false)] },
	}),
	'create',
);
