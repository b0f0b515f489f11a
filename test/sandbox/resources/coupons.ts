import { invalid, type HellotextSandbox } from '../server.ts';
import { registerSimpleCollection } from './apps.ts';

/** The guides: a coupon description holds at most 140 characters. */
export const COUPON_DESCRIPTION_MAX = 140;

export function registerCoupons(sb: HellotextSandbox): void {
	const required = ['code', 'description', 'destination_url'];
	registerSimpleCollection(sb, {
		path: '/v1/coupons',
		collection: 'coupons',
		type: 'coupon',
		required,
		requiredOnUpdate: required,
		unique: 'code',
		fields: { code: () => null, description: () => null, destination_url: () => null, reference: () => null },
		validate: (body) => {
			if (typeof body.description === 'string' && [...body.description].length > COUPON_DESCRIPTION_MAX) {
				throw invalid('description', `The description can have at most ${COUPON_DESCRIPTION_MAX} characters.`);
			}
		},
	});
}
