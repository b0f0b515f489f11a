import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locators';
import { crudResource, requiredField, stringField } from '../../shared/crud';

const couponIdLocator = idLocator({
	name: 'couponId',
	displayName: 'Coupon',
	searchListMethod: 'searchCoupons',
	searchPlaceholder: 'Search by code…',
	description: 'The coupon to act on',
});

// The reference marks code, description and destination URL required on update too.
const required: INodeProperties[] = [
	stringField(
		'Code',
		'code',
		'Redeemable code the customer sees, e.g. SALE. Case-sensitive; duplicate codes are not allowed.',
		{ placeholder: 'e.g. SALE' },
	),
	stringField('Description', 'description', 'Description of the coupon, available as a tag in messages'),
	stringField('Destination URL', 'destination_url', 'URL that redeems the coupon', {
		placeholder: 'https://www.myshop.com/redeem/SALE',
	}),
].map(requiredField);

const optional: INodeProperties[] = [
	stringField(
		'Reference',
		'reference',
		'The coupon number or original identifier in the external source that created the coupon',
	),
];

export const couponProperties: INodeProperties[] = crudResource('coupon', {
	noun: 'coupon',
	plural: 'coupons',
	path: '/coupons',
	idField: couponIdLocator,
	create: { fields: required, options: optional },
	update: { fields: required, options: optional, description: 'Update a coupon; code, description and destination URL are required' },
});
