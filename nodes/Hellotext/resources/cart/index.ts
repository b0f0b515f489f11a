import type { INodeProperties } from 'n8n-workflow';

import { crudResource } from '../../shared/crud';
import { buildCartCreateBody, buildCartUpdateBody } from './body';
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
		preSend: [buildCartCreateBody],
	},
	update: { options: cartWriteFields('update'), preSend: [buildCartUpdateBody] },
});
