import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fieldCollection, idLocator, named, sendAs } from '../../shared/fields';
import { priceInput } from '../../shared/inputs';
import { additionalFieldsOf, defineOperation, defineResource, deleteOperation, updateFieldsOf } from '../../shared/operations';
import { addToBody, type RequestStep } from '../../shared/request';
import { orderId } from '../order';

const orderItemId: INodeProperties = {
	displayName: 'Order Item ID',
	name: 'orderItemId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. vxqQJ3Yg',
	description: 'The ID of the item in the order (see the order’s items)',
};

const product: INodeProperties = {
	...idLocator({
		name: 'orderItemProductId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		byReference: true,
		description: 'The product or product variant to add, by ID, reference or SKU',
	}),
	routing: sendAs('product'),
};

const price = priceInput('price', 'Price', 'Unit price; when not set, the product’s price is used');
const writeFields: INodeProperties[] = [
	...price.fields,
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'How many units; 1 when not set',
		routing: sendAs('quantity'),
	},
];

const priceOf =
	(collection: string): RequestStep =>
	(item, request) =>
		addToBody(request, { price: price.read(item, item.get<IDataObject>(collection, {})) });

const order = named('orderItemOrderId', orderId);
const itemPath = '/attribution/orders/{orderItemOrderId}/items/{orderItemId}';

export const orderItem = defineResource(
	'Order Item',
	'orderItem',
	[
		defineOperation({
			value: 'create',
			name: 'Create',
			action: 'Create an order item',
			description: 'Add a product to an order; needs the order’s ID and the product’s ID, reference or SKU. The order’s total follows.',
			method: 'POST',
			path: '/attribution/orders/{orderItemOrderId}/items',
			noun: 'order',
			steps: [priceOf(additionalFieldsOf('orderItem'))],
			fields: [order, product, ...fieldCollection('Additional Fields', additionalFieldsOf('orderItem'), writeFields)],
		}),
		defineOperation({
			value: 'update',
			name: 'Update',
			action: 'Update an order item',
			description: 'Change the price or quantity of an item in an order; needs the order’s ID and the item’s ID',
			method: 'PATCH',
			path: itemPath,
			noun: 'order item',
			steps: [priceOf(updateFieldsOf('orderItem'))],
			fields: [order, orderItemId, ...fieldCollection('Update Fields', updateFieldsOf('orderItem'), writeFields)],
		}),
		deleteOperation({
			noun: 'order item',
			path: itemPath,
			fields: [order, orderItemId],
			description: 'Remove a product from an order; needs the order’s ID and the item’s ID',
		}),
	],
	'create',
);
