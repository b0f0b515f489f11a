import type { INodeProperties } from 'n8n-workflow';

import { buildItems, metadataAndPrice } from '../../shared/commerce';
import { crudResource } from '../../shared/crud';
import { orderIdLocator, orderWriteFields } from './fields';

export const orderProperties: INodeProperties[] = crudResource('order', {
	noun: 'order',
	plural: 'orders',
	path: '/attribution/orders',
	idField: orderIdLocator,
	create: {
		options: orderWriteFields('create'),
		body: (ctx, fields) => ({
			items: buildItems(ctx, fields, 'items', 'Items'),
			...metadataAndPrice(ctx, fields),
		}),
	},
	update: {
		options: orderWriteFields('update'),
		body: (ctx, fields) => metadataAndPrice(ctx, fields),
	},
});
