import type { IDataObject } from 'n8n-workflow';

import { buildItems, isBlank, metadataAndPrice, refuse, type BodyBuilder } from '../../shared/commerce';
import { readParameter } from '../../shared/parameters';

/** Create: the owner (profile or session, checked here), items and metadata. */
export const cartCreateBody: BodyBuilder = (ctx, fields, self) => {
	const profile = readParameter<string>(self, 'cartProfileId', '', { extractValue: true });
	const session = readParameter<string>(self, 'cartSession', '');
	if (isBlank(profile) && isBlank(session)) {
		refuse(ctx, 'Set "Profile" or "Session": a cart belongs to one of them', 'Hellotext refuses a cart without both.');
	}
	return {
		profile: isBlank(profile) ? undefined : profile,
		session: isBlank(session) ? undefined : session,
		items: buildItems(ctx, fields, 'items', 'Items'),
		...metadataAndPrice(ctx, fields),
	};
};

/**
 * Update: `items` replaces the cart's items and `new_items` adds to them. An empty `items`
 * empties the cart, so it is sent only when "Empty Cart" is on.
 */
export const cartUpdateBody: BodyBuilder = (ctx, fields) => {
	const body: IDataObject = {
		items: buildItems(ctx, fields, 'items', 'Items'),
		new_items: buildItems(ctx, fields, 'new_items', 'New Items'),
		...metadataAndPrice(ctx, fields),
	};
	if (fields.emptyCart === true) {
		if (body.items || body.new_items) {
			refuse(
				ctx,
				'"Empty Cart" cannot be combined with "Items" or "New Items"',
				'To replace the cart’s items with others, use Items alone.',
			);
		}
		body.items = [];
	}
	return body;
};
