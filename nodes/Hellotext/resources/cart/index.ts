import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, optionalLocator, profileLocator, textField } from '../../shared/fields';
import { isBlank } from '../../shared/item';
import { itemsInput, metadataInput } from '../../shared/inputs';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import { addToBody, type RequestStep } from '../../shared/request';
import { referenceAndSource } from '../order';

const cartId = idLocator({
	name: 'cartId',
	displayName: 'Cart',
	searchListMethod: 'searchCarts',
	description: 'The cart to act on',
});

const ownerHint = 'A cart needs a profile or a session (or both)';

/** Create's top-level owner fields: at least one of them is checked before sending. */
const ownerFields: INodeProperties[] = [
	profileLocator('cartProfileId', `The profile the cart belongs to. ${ownerHint}.`, false),
	{
		displayName: 'Session',
		name: 'cartSession',
		type: 'string',
		default: '',
		description: `The session the cart belongs to, for a visitor whose profile is not known yet. ${ownerHint}.`,
	},
];

const metadata = metadataInput('cart');
const itemsDescription = 'Products in the cart';
const items = itemsInput('items', 'Items', itemsDescription);
const replacingItems = itemsInput(
	'items',
	'Items',
	`${itemsDescription}; they replace every current item (to empty the cart use Empty Cart)`,
);
const newItems = itemsInput('newItems', 'New Items', 'Products to add to the items already in the cart');

/** Create: the owner (profile or session, checked here), items and metadata. */
const createBody: RequestStep = (item, request) => {
	const profile = item.id('cartProfileId');
	const session = item.get<string>('cartSession', '');
	if (profile === undefined && isBlank(session)) {
		refuse(item, 'Set "Profile" or "Session": a cart belongs to one of them', 'Hellotext refuses a cart without both.');
	}
	const values = item.get<IDataObject>(additionalFieldsOf('cart'), {});
	addToBody(request, {
		profile,
		session: isBlank(session) ? undefined : session,
		items: items.read(item, values),
		metadata: metadata.read(item, values),
	});
};

/**
 * Update: `items` replaces the cart's items and `new_items` adds to them. An empty `items` empties
 * the cart, so it is sent only when "Empty Cart" is on.
 */
const updateBody: RequestStep = (item, request) => {
	const values = item.get<IDataObject>(updateFieldsOf('cart'), {});
	const body: IDataObject = {
		items: replacingItems.read(item, values),
		new_items: newItems.read(item, values),
		metadata: metadata.read(item, values),
	};
	if (values.emptyCart === true) {
		if (body.items || body.new_items) {
			refuse(item, '"Empty Cart" cannot be combined with "Items" or "New Items"', 'To replace the cart’s items with others, use Items alone.');
		}
		body.items = [];
	}
	addToBody(request, body);
};

export const cart = defineResource(
	'Cart',
	'cart',
	crud({
		resource: 'cart',
		noun: 'cart',
		plural: 'carts',
		path: '/attribution/carts',
		idField: cartId,
		create: {
			description: 'Create a cart for a profile or a session (one of the two is needed)',
			fields: ownerFields,
			options: [...items.fields, ...metadata.fields, ...referenceAndSource('cart')],
			steps: [createBody],
		},
		update: {
			options: [
				{
					displayName: 'Empty Cart',
					name: 'emptyCart',
					type: 'boolean',
					default: false,
					description: 'Whether to remove every item from the cart (sends an empty item list)',
				},
				...replacingItems.fields,
				...newItems.fields,
				...metadata.fields,
				optionalLocator('profile', 'profile', {
					displayName: 'Profile',
					searchListMethod: 'searchProfiles',
					searchPlaceholder: 'Search by email, phone or first name…',
					description: 'The profile the cart belongs to',
				}),
				...referenceAndSource('cart'),
				textField('Session', 'session', 'session', 'The session the cart belongs to'),
			],
			steps: [updateBody],
		},
	}),
	'create',
);
