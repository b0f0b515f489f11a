import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, named, sendAs } from '../../shared/fields';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { addToBody, type RequestStep } from '../../shared/request';
import { productId, variantOwn } from '../product';

const variantId = idLocator({
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

const own = variantOwn('product variant');
const body =
	(collection: string): RequestStep =>
	(item, request) =>
		addToBody(request, own.read(item, item.get<IDataObject>(collection, {})));

export const productVariant = defineResource(
	'Product Variant',
	'productVariant',
	crud({
		resource: 'productVariant',
		noun: 'product variant',
		path: '/attribution/variants',
		idField: variantId,
		create: {
			path: '/attribution/products/{productVariantProductId}/variants',
			description: 'Add a variant to a product; needs the product’s ID, reference or SKU and the variant’s name',
			noun: 'product',
			fields: [named('productVariantProductId', { ...productId, description: 'The parent product, by ID, reference or SKU' }), nameField],
			options: own.fields,
			steps: [body(additionalFieldsOf('productVariant'))],
		},
		update: {
			description: 'Update a product variant by its ID, reference or SKU; the API requires its name',
			fields: [nameField],
			options: own.fields,
			steps: [body(updateFieldsOf('productVariant'))],
		},
	}),
	'create',
);
