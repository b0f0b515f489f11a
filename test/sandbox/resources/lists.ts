import { notFound, type HellotextSandbox, type JsonObject, type StoredObject } from '../server.ts';
import { notUnique, requireValue } from './apps.ts';

/** Lists are addressed by id or by name (names are case-sensitive here). */
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
	// Create and Update: "Name of the list, case-insensitive. Duplicate names are not allowed."
	const requireUniqueName = (body: JsonObject, except?: string) => {
		requireValue(body, 'name');
		const name = String(body.name).toLowerCase();
		if (sb.collection('lists').some((l) => String(l.name).toLowerCase() === name && l.id !== except)) throw notUnique('name');
	};
	sb.route('GET', '/v1/lists', ({ query }) => ({
		lists: sb.paginate(
			sb.collection('lists').filter((l) => typeof query.name !== 'string' || String(l.name).startsWith(query.name)),
			query,
		),
	}));
	sb.route('POST', '/v1/lists', ({ body }) => {
		requireUniqueName(body);
		return sb.insert('lists', 'list', { name: body.name as string });
	});
	sb.route('GET', '/v1/lists/:id', ({ params }) => findList(sb, params.id));
	sb.route('PATCH', '/v1/lists/:id', ({ params, body }) => {
		const list = findList(sb, params.id);
		requireUniqueName(body, list.id);
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
		// The profile as GET /profiles/:id shows it, without the sandbox's bookkeeping.
		const { _activity, ...shown } = profile;
		void _activity;
		return shown;
	};
	sb.route('POST', '/v1/lists/:list/profiles/:profile', membership(true));
	sb.route('DELETE', '/v1/lists/:list/profiles/:profile', membership(false));
}
