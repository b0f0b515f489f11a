import { ApiError, type HellotextSandbox } from '../server.ts';
import { registerSimpleCollection } from './apps.ts';

export function registerActions(sb: HellotextSandbox): void {
	// The guides (v2): the API refuses to delete an action that has tracked events (the reference
	// says deleting one removes its events). Registered before the collection's own DELETE, which
	// answers every other case.
	sb.route('DELETE', '/v1/attribution/actions/:id', ({ params }) => {
		const action = sb.get('actions', params.id, 'action');
		if (sb.collection('events').some((e) => (e.action as { id?: string } | null)?.id === action.id)) {
			throw new ApiError(422, 'not_allowed', 'This action has tracked events and cannot be deleted.', 'id');
		}
		return sb.remove('actions', action.id, 'action');
	});
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
