import type { INodeProperties } from 'n8n-workflow';

import { metadataFields, priceFields, referenceAndSourceFields, stringListField } from '../../shared/commerce';
import { sendAs } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';
import { variantRows } from './variants';

export const productIdLocator = idLocator({
	name: 'productId',
	displayName: 'Product',
	searchListMethod: 'searchProducts',
	byReference: true,
	description: 'The product, by ID, reference or SKU',
});

/**
 * What a product and a variant both have: image, metadata, price, reference, SKU and source.
 * For a product they describe its default (first) variant.
 */
export function variantOwnFields(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Image URL',
			name: 'image_url',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/image.jpg',
			description: `A public URL of an image of the ${noun}; Hellotext downloads and stores it`,
			routing: sendAs('image_url'),
		},
		...metadataFields(noun),
		...priceFields('price', 'Price', `Price of the ${noun}`),
		...referenceAndSourceFields(noun),
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			description: `Case-sensitive stock keeping unit of the ${noun}; keep SKUs unique`,
			routing: sendAs('sku'),
		},
	];
}

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the product, also the name of its default variant',
	routing: sendAs('name'),
};

export const productNameField: INodeProperties = { ...nameField, name: 'productName', required: true };

export function productWriteFields(mode: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Brand',
			name: 'brand',
			type: 'string',
			default: '',
			description: 'Name of the brand of the product',
			routing: sendAs('brand'),
		},
		stringListField('categories', 'Categories', 'Categories of the product'),
		stringListField('collection', 'Collection', 'Collection names the product belongs to'),
		stringListField('tags', 'Tags', 'Tags of the product'),
		...variantOwnFields('product'),
	];
	if (mode === 'create') {
		fields.push(...variantRows.fields('variants', 'Variants', 'Variants to create with the product'));
		return fields;
	}
	fields.push(
		nameField,
		...variantRows.fields('new_variants', 'New Variants', 'Variants to add to the product'),
		{
			displayName: 'Remove All Variants',
			name: 'removeAllVariants',
			type: 'boolean',
			default: false,
			description: 'Whether to remove every existing variant of the product (sends an empty variant list)',
		},
	);
	return fields;
}
