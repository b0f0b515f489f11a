import type { HellotextSandbox } from '../server.ts';
import { registerSimpleCollection } from './apps.ts';

export function registerActions(sb: HellotextSandbox): void {
	registerSimpleCollection(sb, {
		path: '/v1/attribution/actions',
		collection: 'actions',
		type: 'action',
		required: ['name'],
		requiredOnUpdate: ['name'],
		unique: 'name',
		fields: {
			goal: () => false,
			name: () => null,
			passive: () => true,
			title: (body) => body.name ?? null,
		},
		booleans: ['goal', 'passive'],
	});
}
