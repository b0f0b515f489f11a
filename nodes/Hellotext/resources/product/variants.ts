import type { INodeProperties } from 'n8n-workflow';

import { rowList, rowPriceFields } from '../../shared/commerce';

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	placeholder,
});

/**
 * Product variants as rows and as JSON: `variantRows.fields(name, displayName, description)` for
 * a collection, `variantRows.build(ctx, values, name, displayName)` for the body.
 */
export const variantRows = rowList({
	row: 'Variant',
	values: [
		text('Image URL', 'image_url', 'A public URL of an image of the variant'),
		text('Name', 'name', 'Name of the variant (required)', 'e.g. Size 42, black'),
		...rowPriceFields,
		text('Reference', 'reference', 'The variant number or identifier in the external source'),
		text('SKU', 'sku', 'Case-sensitive stock keeping unit of the variant'),
	],
	keys: ['name', 'sku', 'reference', 'image_url'],
	required: 'name',
	jsonDefault: '[\n  { "name": "", "sku": "", "price": { "amount": 0, "currency": "USD" } }\n]',
	jsonShape: 'variant objects (name, sku, reference, price, image_url, metadata)',
});
