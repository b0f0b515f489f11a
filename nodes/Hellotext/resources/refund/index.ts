import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, optionalLocator } from '../../shared/fields';
import { metadataInput, priceInput } from '../../shared/inputs';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { addToBody, type RequestStep } from '../../shared/request';
import { referenceAndSource } from '../order';

const refundId = idLocator({
	name: 'refundId',
	displayName: 'Refund',
	searchListMethod: 'searchRefunds',
	description: 'The refund to act on',
});

const metadata = metadataInput('refund');
const total = priceInput('total', 'Total', 'Refunded amount; when not set, the order’s total or the product’s price');

const fields: INodeProperties[] = [
	...metadata.fields,
	optionalLocator('order', 'order', {
		displayName: 'Order',
		searchListMethod: 'searchOrders',
		description: 'The refunded order; it becomes the refundable object',
	}),
	optionalLocator('product', 'product', {
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The refunded product; it becomes the refundable object',
	}),
	optionalLocator('profile', 'profile', {
		displayName: 'Profile',
		searchListMethod: 'searchProfiles',
		searchPlaceholder: 'Search by email, phone or first name…',
		description: 'The profile the refund belongs to',
	}),
	...referenceAndSource('refund'),
	...total.fields,
];

const body =
	(collection: string): RequestStep =>
	(item, request) => {
		const values = item.get<IDataObject>(collection, {});
		addToBody(request, { metadata: metadata.read(item, values), total: total.read(item, values) });
	};

export const refund = defineResource(
	'Refund',
	'refund',
	crud({
		resource: 'refund',
		noun: 'refund',
		plural: 'refunds',
		path: '/attribution/refunds',
		idField: refundId,
		create: { options: fields, steps: [body(additionalFieldsOf('refund'))] },
		update: { options: fields, steps: [body(updateFieldsOf('refund'))] },
	}),
	'create',
);
