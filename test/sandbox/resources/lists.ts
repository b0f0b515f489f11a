import { ApiError, missing, notFound, type HellotextSandbox, type JsonObject, type StoredObject } from '../server.ts';

/** Lists are addressed by id or by name. */
export function findList(sb: HellotextSandbox, idOrName: string): StoredObject {
	const list = sb.collection('lists').find((l) => l.id === idOrName) ?? sb.collection('lists').find((l) => l.name === idOrName);
	if (!list) throw notFound('list', idOrName);
	return list;
}

export function findOrCreateList(sb: HellotextSandbox, name: string): StoredObject {
	return sb.collection('lists').find((l) => l.name === name) ?? sb.insert('lists', 'list', { name });
}

export const listSummary = (list: StoredObject): JsonObject => ({ id: list.id, type: 'list', name: list.name, created_at: list.created_at });

export function registerLists(sb: HellotextSandbox): void {
	const requireUniqueName = (name: unknown, except?: string) => {
		if (typeof name !== 'string' || name === '') throw missing('name');
		if (sb.collection('lists').some((l) => l.name === name && l.id !== except)) {
			throw new ApiError(422, 'parameter_not_unique', 'The value must be unique and it is already present in another object of the same type.', 'name');
		}
	};
	sb.route('GET', '/v1/lists', ({ query }) => ({
		lists: sb.paginate(
			sb.collection('lists').filter((l) => typeof query.name !== 'string' || String(l.name).startsWith(query.name)),
			query,
		),
	}));
	sb.route('POST', '/v1/lists', ({ body }) => {
		requireUniqueName(body.name);
		return sb.insert('lists', 'list', { name: body.name as string });
	});
	sb.route('GET', '/v1/lists/:id', ({ params }) => findList(sb, params.id));
	sb.route('PATCH', '/v1/lists/:id', ({ params, body }) => {
		const list = findList(sb, params.id);
		requireUniqueName(body.name, list.id);
		list.name = body.name as string;
		return list;
	});
	sb.route('DELETE', '/v1/lists/:id', ({ params }) => {
		const list = findList(sb, params.id);
		for (const profile of sb.collection('profiles')) {
			profile.lists = (profile.lists as JsonObject[]).filter((l) => l.id !== list.id);
		}
		return sb.remove('lists', list.id, 'list');
	});
	const membership = (add: boolean) => ({ params }: { params: Record<string, string> }) => {
		const list = findList(sb, params.list);
		const profile = sb.get('profiles', params.profile, 'profile');
		const lists = (profile.lists as JsonObject[]).filter((l) => l.id !== list.id);
		if (add) lists.push(listSummary(list));
		profile.lists = lists;
		return profile;
	};
	sb.route('POST', '/v1/lists/:list/profiles/:profile', membership(true));
	sb.route('DELETE', '/v1/lists/:list/profiles/:profile', membership(false));
}
