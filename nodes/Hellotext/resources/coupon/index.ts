import type { INodeProperties } from 'n8n-workflow';

import { idLocator, required, textField } from '../../shared/fields';
import { crud, defineResource } from '../../shared/operations';
import { maxLength } from '../../shared/refusals';
import type { RequestStep } from '../../shared/request';

const couponId = idLocator({
	name: 'couponId',
	displayName: 'Coupon',
	searchListMethod: 'searchCoupons',
	searchPlaceholder: 'Search by code…',
	description: 'The coupon to act on',
});

/** The guides: a coupon's description is at most 140 characters. */
const DESCRIPTION_MAX = 140;

// The reference marks code, description and destination URL required on update too.
const requiredFields: INodeProperties[] = [
	textField(
		'Code',
		'code',
		'code',
		'Redeemable code the customer sees, e.g. SALE. Case-sensitive; duplicate codes are not allowed.',
		{ placeholder: 'e.g. SALE' },
	),
	textField('Description', 'description', 'description', `Description of the coupon, available as a tag in messages; at most ${DESCRIPTION_MAX} characters`),
	textField('Destination URL', 'destinationUrl', 'destination_url', 'URL that redeems the coupon', {
		placeholder: 'https://www.myshop.com/redeem/SALE',
	}),
].map(required);

const optional: INodeProperties[] = [
	textField(
		'Reference',
		'reference',
		'reference',
		'The coupon number or original identifier in the external source that created the coupon',
	),
];

const checkDescription: RequestStep = (item) => maxLength(item, item.get('description'), DESCRIPTION_MAX, 'Description');

export const coupon = defineResource(
	'Coupon',
	'coupon',
	crud({
		resource: 'coupon',
		noun: 'coupon',
		plural: 'coupons',
		path: '/coupons',
		idField: couponId,
		create: { fields: requiredFields, options: optional, steps: [checkDescription] },
		update: {
			fields: requiredFields,
			options: optional,
			steps: [checkDescription],
			description: 'Update a coupon by the coupon’s ID; code, description and destination URL are required',
		},
	}),
	'create',
);

