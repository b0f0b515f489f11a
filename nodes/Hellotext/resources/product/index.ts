import type { INodeProperties } from 'n8n-workflow';

import { crudResource } from '../../shared/crud';
import { productCreateBody, productUpdateBody } from './body';
import { productIdLocator, productNameField, productWriteFields } from './fields';

export const productProperties: INodeProperties[] = crudResource('product', {
	noun: 'product',
	plural: 'products',
	path: '/attribution/products',
	idField: productIdLocator,
	create: { fields: [productNameField], options: productWriteFields('create'), body: productCreateBody },
	update: {
		description: 'Update a product found by ID, reference or SKU; only the fields you add are sent',
		options: productWriteFields('update'),
		body: productUpdateBody,
	},
});
