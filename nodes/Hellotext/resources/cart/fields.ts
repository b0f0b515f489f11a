import type { INodeProperties } from 'n8n-workflow';

import {
	itemsFields,
	metadataFields,
	optionalLocator,
	referenceAndSourceFields,
} from '../../shared/commerce';
import { sendAs } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';

export const cartIdLocator = idLocator({
	name: 'cartId',
	displayName: 'Cart',
	searchListMethod: 'searchCarts',
	description: 'The cart to act on',
});

const ownerHint = 'A cart needs a profile or a session (or both)';

/** Create's top-level owner fields: at least one of them is checked before sending. */
export const cartOwnerFields: INodeProperties[] = [
	{
		...idLocator({
			name: 'cartProfileId',
			displayName: 'Profile',
			searchListMethod: 'searchProfiles',
			searchPlaceholder: 'Search by email, phone or first name…',
			required: false,
		}),
		description: `The profile the cart belongs to. ${ownerHint}.`,
	},
	{
		displayName: 'Session',
		name: 'cartSession',
		type: 'string',
		default: '',
		description: `The session the cart belongs to, for a visitor whose profile is not known yet. ${ownerHint}.`,
	},
];

const itemsDescription = 'Products in the cart';

export function cartWriteFields(mode: 'create' | 'update'): INodeProperties[] {
	if (mode === 'create') {
		return [
			...itemsFields('items', 'Items', itemsDescription),
			...metadataFields('cart'),
			...referenceAndSourceFields('cart'),
		];
	}
	return [
		{
			displayName: 'Empty Cart',
			name: 'emptyCart',
			type: 'boolean',
			default: false,
			description: 'Whether to remove every item from the cart (sends an empty item list)',
		},
		...itemsFields('items', 'Items', `${itemsDescription}; they replace every current item (to empty the cart use Empty Cart)`),
		...itemsFields('new_items', 'New Items', 'Products to add to the items already in the cart'),
		...metadataFields('cart'),
		optionalLocator('profile', {
			displayName: 'Profile',
			searchListMethod: 'searchProfiles',
			searchPlaceholder: 'Search by email, phone or first name…',
			description: 'The profile the cart belongs to',
		}),
		...referenceAndSourceFields('cart'),
		{
			displayName: 'Session',
			name: 'session',
			type: 'string',
			default: '',
			description: 'The session the cart belongs to',
			routing: sendAs('session'),
		},
	];
}
