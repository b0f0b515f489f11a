import type { IDataObject } from 'n8n-workflow';

import { buildStringList, metadataAndPrice, type BodyBuilder, type BuildContext } from '../../shared/commerce';
import { variantRows } from './variants';

const price = { name: 'price', apiName: 'price', displayName: 'Price' };

/** Metadata and price: what a product shares with a variant. */
export const variantOwnBody = (ctx: BuildContext, fields: IDataObject) => metadataAndPrice(ctx, fields, price);

function productBody(ctx: BuildContext, fields: IDataObject): IDataObject {
	return {
		categories: buildStringList(fields.categories),
		collection: buildStringList(fields.collection),
		tags: buildStringList(fields.tags),
		...variantOwnBody(ctx, fields),
	};
}

export const productCreateBody: BodyBuilder = (ctx, fields) => ({
	...productBody(ctx, fields),
	variants: variantRows.build(ctx, fields, 'variants', 'Variants'),
});

/**
 * Update: `new_variants` adds variants; `variants: []` removes every variant, so it is sent only
 * when "Remove All Variants" is on.
 */
export const productUpdateBody: BodyBuilder = (ctx, fields) => {
	const body: IDataObject = {
		...productBody(ctx, fields),
		new_variants: variantRows.build(ctx, fields, 'new_variants', 'New Variants'),
	};
	if (fields.removeAllVariants === true) body.variants = [];
	return body;
};
