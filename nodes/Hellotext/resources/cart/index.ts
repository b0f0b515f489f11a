import type { INodeProperties } from 'n8n-workflow';

import { crudResource } from '../../shared/crud';
import { cartCreateBody, cartUpdateBody } from './body';
import { cartIdLocator, cartOwnerFields, cartWriteFields } from './fields';

export const cartProperties: INodeProperties[] = crudResource('cart', {
	noun: 'cart',
	plural: 'carts',
	path: '/attribution/carts',
	idField: cartIdLocator,
	create: {
		description: 'Create a cart for a profile or a session',
		fields: cartOwnerFields,
		options: cartWriteFields('create'),
		body: cartCreateBody,
	},
	update: { options: cartWriteFields('update'), body: cartUpdateBody },
});
