import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { priceFields, readPrice, type BuildContext } from '../../shared/commerce';
import { createOperation, named, updateOperation } from '../../shared/crud';
import { defineOperation, resourceProperties, sendAs } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';
import { orderIdLocator } from '../order/fields';

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

const writeFields: INodeProperties[] = [
	...priceFields('price', 'Price', 'Unit price; when not set, the product’s price is used'),
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

const readItemPrice = (ctx: BuildContext, fields: IDataObject) => ({ price: readPrice(ctx, fields, 'price', 'Price') });
const write = { resource: 'orderItem', noun: 'order item', options: writeFields, body: readItemPrice };
const itemPath = '/attribution/orders/{orderItemOrderId}/items/{orderItemId}';
const order = named('orderItemOrderId', orderIdLocator);

export const orderItemProperties: INodeProperties[] = resourceProperties(
	'orderItem',
	[
		createOperation({
			...write,
			path: '/attribution/orders/{orderItemOrderId}/items',
			description: 'Add a product to an order; the order’s total follows',
			parentNoun: 'order',
			fields: [order, product],
		}),
		updateOperation({
			...write,
			path: itemPath,
			description: 'Change the price or quantity of an item in an order',
			fields: [order, orderItemId],
		}),
		defineOperation({
			value: 'delete',
			name: 'Delete',
			action: 'Delete an order item',
			description: 'Remove a product from an order',
			method: 'DELETE',
			path: itemPath,
			noun: 'order item',
			fields: [order, orderItemId],
		}),
	],
	'create',
);
