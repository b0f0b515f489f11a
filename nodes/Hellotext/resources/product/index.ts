import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, named, required, textField } from '../../shared/fields';
import { metadataInput, priceInput, rowsInput, stringListInput, type RowKind } from '../../shared/inputs';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { httpUrl } from '../../shared/refusals';
import { addToBody, type RequestStep } from '../../shared/request';
import { referenceAndSource } from '../order';

export const productId = idLocator({
	name: 'productId',
	displayName: 'Product',
	searchListMethod: 'searchProducts',
	byReference: true,
	description: 'The product, by ID, reference or SKU',
});

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	placeholder,
});

/** Product variants as rows: name (required), SKU, reference, image and price. */
const VARIANT_ROWS: RowKind = {
	row: 'Variant',
	values: [
		text('Image URL', 'imageUrl', 'A public URL of an image of the variant'),
		text('Name', 'name', 'Name of the variant (required)', 'e.g. Size 42, black'),
		text('Reference', 'reference', 'The variant number or identifier in the external source'),
		text('SKU', 'sku', 'Case-sensitive stock keeping unit of the variant'),
	],
	sent: { name: 'name', sku: 'sku', reference: 'reference', imageUrl: 'image_url' },
	required: 'name',
	priceHint: 'Empty uses the product’s price',
	jsonDefault: '[\n  { "name": "", "sku": "", "price": { "amount": 0, "currency": "USD" } }\n]',
	jsonShape: 'variant objects (name, sku, reference, price, image_url, metadata)',
};

/**
 * What a product and a variant both have: image, metadata, price, reference, SKU and source. For a
 * product they describe its default (first) variant.
 */
export function variantOwn(noun: string) {
	const metadata = metadataInput(noun);
	const price = priceInput('price', 'Price', `Price of the ${noun}`);
	const fields: INodeProperties[] = [
		textField('Image URL', 'imageUrl', 'image_url', `A public URL of an image of the ${noun}; Hellotext downloads and stores it`, {
			placeholder: 'https://example.com/image.jpg',
		}),
		...metadata.fields,
		...price.fields,
		...referenceAndSource(noun),
		textField('SKU', 'sku', 'sku', `Case-sensitive stock keeping unit of the ${noun}; keep SKUs unique`),
	];
	const read = (item: Parameters<RequestStep>[0], values: IDataObject): IDataObject => ({
		metadata: metadata.read(item, values),
		price: price.read(item, values),
	});
	return { fields, read };
}

const own = variantOwn('product');
const categories = stringListInput('categories', 'Categories', 'Categories of the product');
const collection = stringListInput('collection', 'Collection', 'Collection names the product belongs to');
const tags = stringListInput('tags', 'Tags', 'Tags of the product');
const variants = rowsInput(VARIANT_ROWS, 'variants', 'Variants', 'Variants to create with the product');
const newVariants = rowsInput(VARIANT_ROWS, 'newVariants', 'New Variants', 'Variants to add to the product');

const nameField = textField('Name', 'name', 'name', 'Name of the product, also the name of its default variant');

/** The guides' product page URL (not in the reference's parameters). */
const urlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'https://shop.example.com/products/sneaker',
	description: 'The product page',
};

const commonFields: INodeProperties[] = [
	textField('Brand', 'brand', 'brand', 'Name of the brand of the product'),
	...categories.fields,
	...collection.fields,
	...tags.fields,
	urlField,
	...own.fields,
];

const productBody = (item: Parameters<RequestStep>[0], values: IDataObject): IDataObject => ({
	categories: categories.read(item, values),
	collection: collection.read(item, values),
	tags: tags.read(item, values),
	url: typeof values.url === 'string' && values.url.trim() ? httpUrl(item, values.url, 'URL') : undefined,
	...own.read(item, values),
});

const createBody: RequestStep = (item, request) => {
	const values = item.get<IDataObject>(additionalFieldsOf('product'), {});
	addToBody(request, { ...productBody(item, values), variants: variants.read(item, values) });
};

/**
 * Update: `new_variants` adds variants; `variants: []` removes every variant, so it is sent only
 * when "Remove All Variants" is on.
 */
const updateBody: RequestStep = (item, request) => {
	const values = item.get<IDataObject>(updateFieldsOf('product'), {});
	addToBody(request, {
		...productBody(item, values),
		new_variants: newVariants.read(item, values),
		variants: values.removeAllVariants === true ? [] : undefined,
	});
};

export const product = defineResource(
	'Product',
	'product',
	crud({
		resource: 'product',
		noun: 'product',
		plural: 'products',
		path: '/attribution/products',
		idField: productId,
		simplify: ['id', 'type', 'name', 'brand', 'reference', 'sku', 'source', 'price', 'url', 'image_url', 'created_at'],
		create: { fields: [named('productName', required(nameField))], options: [...commonFields, ...variants.fields], steps: [createBody] },
		update: {
			description: 'Update a product by the product’s ID, reference or SKU; only the fields you add are sent',
			options: [
				...commonFields,
				nameField,
				...newVariants.fields,
				{
					displayName: 'Remove All Variants',
					name: 'removeAllVariants',
					type: 'boolean',
					default: false,
					description: 'Whether to remove every existing variant of the product (sends an empty variant list)',
				},
			],
			steps: [updateBody],
		},
	}),
	'create',
);

