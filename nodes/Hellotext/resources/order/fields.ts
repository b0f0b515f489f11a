import type { INodeProperties } from 'n8n-workflow';

import { itemsFields, metadataFields, referenceAndSourceFields } from '../../shared/commerce';
import { sendAs } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';

export const orderIdLocator = idLocator({
	name: 'orderId',
	displayName: 'Order',
	searchListMethod: 'searchOrders',
	description: 'The order to act on',
});

const delivery: INodeProperties = {
	displayName: 'Delivery',
	name: 'delivery',
	type: 'options',
	default: 'deliver',
	description: 'How the order reaches the customer; Journeys can branch on it',
	options: [
		{ name: 'Collect', value: 'collect', description: 'Bought in store or picked up from the store' },
		{ name: 'Deliver', value: 'deliver', description: 'Shipped to the customer’s address' },
	],
	routing: sendAs('delivery'),
};

/** Create takes items too; Update changes the order's own fields only (items have their own resource). */
export function orderWriteFields(mode: 'create' | 'update'): INodeProperties[] {
	const fields = [delivery, ...metadataFields('order'), ...referenceAndSourceFields('order')];
	if (mode === 'create') fields.push(...itemsFields('items', 'Items', 'Products in the order'));
	return fields;
}
