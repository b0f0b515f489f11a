import type { HellotextSandbox } from '../server.ts';
import { registerSimpleCollection } from './apps.ts';

export function registerForms(sb: HellotextSandbox): void {
	registerSimpleCollection(sb, {
		path: '/v1/attribution/forms',
		collection: 'forms',
		type: 'form',
		required: ['name'],
		unique: 'name',
		fields: { metadata: () => ({}), name: () => null },
		hashes: ['metadata'],
	});
}
