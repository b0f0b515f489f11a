import type { INodeProperties } from 'n8n-workflow';

import { crudResource } from '../../shared/crud';
import { buildProductCreateBody, buildProductUpdateBody } from './body';
import { productIdLocator, productNameField, productWriteFields } from './fields';

export const productProperties: INodeProperties[] = crudResource('product', {
	noun: 'product',
	plural: 'products',
	path: '/attribution/products',
	idField: productIdLocator,
	create: { fields: [productNameField], options: productWriteFields('create'), preSend: [buildProductCreateBody] },
	update: {
		description: 'Update a product found by ID, reference or SKU; only the fields you add are sent',
		options: productWriteFields('update'),
		preSend: [buildProductUpdateBody],
	},
});
