import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { hellotextRequest } from '../shared/transport';

const SEARCH_PAGE_SIZE = 50;

type Labeller = (object: IDataObject) => string;

/**
 * One page of a resource's Get Many for a resource locator's list, paged with the cursor
 * (`paginationToken` is the last id shown).
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	listProperty: string,
	label: Labeller,
	query: IDataObject,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { ...query, limit: SEARCH_PAGE_SIZE };
	if (paginationToken) qs.starting_after = paginationToken;
	const body = await hellotextRequest.call(context, 'GET', path, { qs });
	const objects = ((body[listProperty] as IDataObject[] | undefined) ?? []).filter(
		(object) => typeof object.id === 'string',
	);
	const results: INodeListSearchItems[] = objects.map((object) => ({
		name: label(object),
		value: object.id as string,
	}));
	const last = objects[objects.length - 1];
	return {
		results,
		paginationToken: objects.length === SEARCH_PAGE_SIZE && last ? (last.id as string) : undefined,
	};
}

function profileLabel(profile: IDataObject): string {
	const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ');
	const contact = [...((profile.emails as string[]) ?? []), ...((profile.phones as string[]) ?? [])][0];
	return [name, contact].filter(Boolean).join(' · ') || (profile.id as string);
}

/** Which profile filter a typed search means: an email, a phone, or a first name. */
export function profileSearchQuery(filter?: string): IDataObject {
	const text = filter?.trim();
	if (!text) return {};
	if (text.includes('@')) return { email: text };
	if (/^\+?[\d\s()-]+$/.test(text)) return { phone: text };
	return { first_name: text };
}

export async function searchProfiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/profiles', 'profiles', profileLabel, profileSearchQuery(filter), paginationToken);
}
