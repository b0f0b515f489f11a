import type { INodeProperties } from 'n8n-workflow';

import { crudResource, named } from '../../shared/crud';
import { sendAs } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';
import { variantOwnBody } from '../product/body';
import { productIdLocator, variantOwnFields } from '../product/fields';

const variantIdLocator = idLocator({
	name: 'productVariantId',
	displayName: 'Product Variant',
	searchListMethod: 'searchProductVariants',
	byReference: true,
	description: 'The product variant, by ID, reference or SKU',
});

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'productVariantName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Size 42, black',
	description: 'Name of the product variant',
	routing: sendAs('name'),
};

export const productVariantProperties: INodeProperties[] = crudResource('productVariant', {
	noun: 'product variant',
	path: '/attribution/variants',
	idField: variantIdLocator,
	create: {
		path: '/attribution/products/{productVariantProductId}/variants',
		description: 'Add a variant to a product found by ID, reference or SKU',
		parentNoun: 'product',
		fields: [
			named('productVariantProductId', { ...productIdLocator, description: 'The parent product, by ID, reference or SKU' }),
			nameField,
		],
		options: variantOwnFields('product variant'),
		body: variantOwnBody,
	},
	update: {
		description: 'Update a product variant found by ID, reference or SKU; the API requires its name',
		fields: [nameField],
		options: variantOwnFields('product variant'),
		body: variantOwnBody,
	},
});
