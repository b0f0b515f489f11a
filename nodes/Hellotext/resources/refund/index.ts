import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	metadataAndPrice,
	metadataFields,
	optionalLocator,
	priceFields,
	referenceAndSourceFields,
	type BuildContext,
} from '../../shared/commerce';
import { crudResource } from '../../shared/crud';
import { idLocator } from '../../shared/locators';

const refundIdLocator = idLocator({
	name: 'refundId',
	displayName: 'Refund',
	searchListMethod: 'searchRefunds',
	description: 'The refund to act on',
});

const refundFields: INodeProperties[] = [
	...metadataFields('refund'),
	optionalLocator('order', {
		displayName: 'Order',
		searchListMethod: 'searchOrders',
		description: 'The refunded order; it becomes the refundable object',
	}),
	optionalLocator('product', {
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The refunded product; it becomes the refundable object',
	}),
	optionalLocator('profile', {
		displayName: 'Profile',
		searchListMethod: 'searchProfiles',
		searchPlaceholder: 'Search by email, phone or first name…',
		description: 'The profile the refund belongs to',
	}),
	...referenceAndSourceFields('refund'),
	...priceFields('total', 'Total', 'Refunded amount; when not set, the order’s total or the product’s price'),
];

const total = { name: 'total', apiName: 'total', displayName: 'Total' };
const refundBody = (ctx: BuildContext, fields: IDataObject) => metadataAndPrice(ctx, fields, total);
export const refundProperties: INodeProperties[] = crudResource('refund', {
	noun: 'refund',
	plural: 'refunds',
	path: '/attribution/refunds',
	idField: refundIdLocator,
	create: { options: refundFields, body: refundBody },
	update: { options: refundFields, body: refundBody },
});
