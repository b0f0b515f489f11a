import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../shared/cursor';
import { hellotextRequest } from '../shared/transport';

type Labeller = (object: IDataObject) => string;

interface SearchSource {
	path: string;
	listProperty: string;
	label: Labeller;
	/** Turns the typed text into API filters; without it the text filters each page by label. */
	query?: (filter: string) => IDataObject;
	/** The objects each listed object stands for: its variants (products), none (a filter), itself by default. */
	expand?: (object: IDataObject) => IDataObject[];
}

const firstText = (...values: unknown[]) =>
	values.find((value): value is string => typeof value === 'string' && value !== '');

function genericLabel(object: IDataObject): string {
	const main = firstText(object.name, object.title, object.code, object.reference, object.action);
	return main ? `${main} (${object.id as string})` : (object.id as string);
}

/** "Ada Lovelace · ada@example.com (xY12ab34)": the ID tells apart profiles that share name and contact. */
function profileLabel(profile: IDataObject): string {
	const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ');
	const contact = firstText(...((profile.emails as string[]) ?? []), ...((profile.phones as string[]) ?? []));
	const main = [name, contact].filter(Boolean).join(' · ');
	return main ? `${main} (${profile.id as string})` : (profile.id as string);
}

/** Which profile filter a typed search means: an email, a phone, or a first name. */
export function profileSearchQuery(filter: string): IDataObject {
	if (filter.includes('@')) return { email: filter };
	if (/^\+?[\d\s()-]+$/.test(filter)) return { phone: filter };
	return { first_name: filter };
}

/**
 * One page of a resource's Get Many for a resource locator's list, paged with the cursor
 * (`paginationToken` is the last id of the previous page).
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	source: SearchSource,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	const qs: IDataObject = { limit: MAX_PAGE_SIZE, ...(text && source.query ? source.query(text) : {}) };
	if (paginationToken) qs.starting_after = paginationToken;
	const body = await hellotextRequest.call(context, 'GET', source.path, { qs });
	const objects = ((body[source.listProperty] as IDataObject[] | undefined) ?? []).filter(
		(object) => typeof object.id === 'string',
	);
	const shown = source.expand ? objects.flatMap(source.expand) : objects;
	let results: INodeListSearchItems[] = shown.map((object) => ({
		name: source.label(object),
		value: object.id as string,
	}));
	if (text && !source.query) {
		const needle = text.toLowerCase();
		results = results.filter(
			(result) => result.name.toLowerCase().includes(needle) || String(result.value) === text,
		);
	}
	const last = objects[objects.length - 1];
	return {
		results,
		paginationToken: objects.length === MAX_PAGE_SIZE && last ? (last.id as string) : undefined,
	};
}

const source = (path: string, listProperty: string, extra: Partial<SearchSource> = {}): SearchSource => ({
	path,
	listProperty,
	label: genericLabel,
	...extra,
});

const CHANNEL_NAMES: Record<string, string> = { any: 'any channel', sms: 'SMS', whatsapp: 'WhatsApp', instagram: 'Instagram', mercadolibre: 'Mercado Libre' };

/** "Order ready (WhatsApp, approved)": what a send needs to know of a template. */
function templateLabel(template: IDataObject): string {
	const channel = CHANNEL_NAMES[String(template.technology)] ?? String(template.technology ?? '');
	const details = [channel, template.state].filter(Boolean).join(', ');
	return `${firstText(template.name) ?? template.id} (${details})`;
}

/** "Repairs (repair)", built-in ones marked. */
const objectTypeLabel = (structure: IDataObject) =>
	`${firstText(structure.title, structure.name) ?? structure.id} (${[structure.name, structure.built_in === true ? 'built-in' : undefined].filter(Boolean).join(', ')})`;

/** "SMS to +12025550143, delivered (xY12ab34)". */
function messageLabel(message: IDataObject): string {
	const channel = CHANNEL_NAMES[String(message.technology)] ?? String(message.technology ?? 'Message');
	const to = firstText(message.destination, message.profile);
	return `${channel}${to ? ` to ${to}` : ''}${message.state ? `, ${String(message.state)}` : ''} (${message.id as string})`;
}

/** The searches behind every resource locator's "From List". */
export const SEARCH_SOURCES = {
	searchProfiles: source('/profiles', 'profiles', { label: profileLabel, query: profileSearchQuery }),
	searchProperties: source('/properties', 'properties', {
		label: (p) => `${firstText(p.name, p.kind) ?? p.id} (${p.id as string})`,
	}),
	searchLists: source('/lists', 'lists', { query: (name) => ({ name }) }),
	searchCoupons: source('/coupons', 'coupons'),
	searchEvents: source('/attribution/events', 'events'),
	searchEventTypes: source('/attribution/actions', 'actions'),
	searchApps: source('/attribution/apps', 'apps'),
	searchCarts: source('/attribution/carts', 'carts'),
	searchForms: source('/attribution/forms', 'forms'),
	searchOrders: source('/attribution/orders', 'orders'),
	searchProducts: source('/attribution/products', 'products'),
	searchProductVariants: source('/attribution/products', 'products', {
		expand: (product) =>
			((product.variants as IDataObject[] | undefined) ?? []).map((variant) => ({
				...variant,
				name: `${firstText(product.name) ?? ''} / ${firstText(variant.name, variant.sku) ?? ''}`,
			})),
	}),
	searchRefunds: source('/attribution/refunds', 'refunds'),
	searchTemplates: source('/templates', 'templates', { label: templateLabel }),
	searchObjectTypes: source('/objects', 'objects', { label: objectTypeLabel }),
	// Events refer to objects of the account's own types: the built-in ones have their own fields.
	searchCustomObjectTypes: source('/objects', 'objects', {
		label: objectTypeLabel,
		expand: (structure) => (structure.built_in === true ? [] : [structure]),
	}),
	searchMessages: source('/messages', 'messages', { label: messageLabel }),
} satisfies Record<string, SearchSource>;

type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

export const listSearch = Object.fromEntries(
	Object.entries(SEARCH_SOURCES).map(([name, spec]) => [
		name,
		async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
			return await searchPage(this, spec, filter, paginationToken);
		} as SearchMethod,
	]),
) as Record<keyof typeof SEARCH_SOURCES, SearchMethod>;
