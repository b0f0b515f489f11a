import type { HellotextSandbox } from '../server.ts';
import { registerSimpleCollection } from './apps.ts';

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
	});
}
