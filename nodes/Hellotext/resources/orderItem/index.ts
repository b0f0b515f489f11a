import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { mergeIntoBody, priceFields, readPrice, type BuildContext } from '../../shared/commerce';
import { createOperation, updateOperation } from '../../shared/crud';
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
		name: 'productId',
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
const write = { noun: 'order item', options: writeFields };
const itemPath = '/attribution/orders/{orderId}/items/{orderItemId}';

export const orderItemProperties: INodeProperties[] = resourceProperties(
	'orderItem',
	[
		createOperation({
			...write,
			path: '/attribution/orders/{orderId}/items',
			description: 'Add a product to an order; the order’s total follows',
			parentNoun: 'order',
			fields: [orderIdLocator, product],
			preSend: [mergeIntoBody('additionalFields', readItemPrice)],
		}),
		updateOperation({
			...write,
			path: itemPath,
			description: 'Change the price or quantity of an item in an order',
			fields: [orderIdLocator, orderItemId],
			preSend: [mergeIntoBody('updateFields', readItemPrice)],
		}),
		defineOperation({
			value: 'delete',
			name: 'Delete',
			action: 'Delete an order item',
			description: 'Remove a product from an order',
			method: 'DELETE',
			path: itemPath,
			noun: 'order item',
			fields: [orderIdLocator, orderItemId],
		}),
	],
	'create',
);
