import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cursorPages, pageOf } from '../shared/cursor';
import { encodeId } from '../shared/encodeId';
import { locatorValue } from '../shared/item';
import { hellotextRequest } from '../shared/transport';
import { shortLinkNames } from '../resources/template/content';

/** Dropdowns read at most this many pages; an account with more can still type a name. */
const DROPDOWN_MAX_PAGES = 20;

async function listAll(
	context: ILoadOptionsFunctions,
	path: string,
	listProperty: string,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	let pages = 0;
	for await (const objects of cursorPages(
		context.getNode(),
		async (qs) => {
			const body = await hellotextRequest.call(context, 'GET', path, { qs });
			return pageOf(context.getNode(), body, listProperty, `GET ${path}`);
		},
		{ idOf: (object) => object.id, tooManyPages: `Too many pages of ${path}` },
	)) {
		all.push(...objects);
		if (++pages >= DROPDOWN_MAX_PAGES) break;
	}
	return all;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getListNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await listAll(this, '/lists', 'lists');
	return lists
		.filter((list) => typeof list.name === 'string' && list.name !== '')
		.map((list) => ({ name: list.name as string, value: list.name as string }))
		.sort(byName);
}

/** Named properties by name; unnamed ones by kind, which is how the API addresses them. */
export async function getPropertyNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const properties = await listAll(this, '/properties', 'properties');
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	for (const property of properties) {
		const key = (property.name as string | null) || (property.kind as string | undefined);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		options.push({
			name: property.name ? `${key} (${property.kind as string})` : key,
			value: key,
		});
	}
	return options.sort(byName);
}

/** The account's own event types (custom actions), by name: what Track sends as `action`. */
export async function getCustomEventTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const eventTypes = await listAll(this, '/attribution/actions', 'actions');
	return eventTypes
		.filter((eventType) => typeof eventType.name === 'string' && eventType.name !== '')
		.map((eventType) => ({
			name:
				typeof eventType.title === 'string' && eventType.title && eventType.title !== eventType.name
					? `${eventType.title} (${eventType.name as string})`
					: (eventType.name as string),
			value: eventType.name as string,
		}))
		.sort(byName);
}

/** The named short links of the template Message > Send has picked (none until one is picked). */
export async function getTemplateShortLinkNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const id = locatorValue(this.getCurrentNodeParameter('messageTemplateId') ?? this.getNodeParameter('messageTemplateId', ''));
	if (!id || id.startsWith('=')) return [];
	const template = await hellotextRequest.call(this, 'GET', `/templates/${encodeId({ node: this.getNode(), index: 0 }, id, 'Template')}`);
	return shortLinkNames(template.body).map((name) => ({ name, value: name }));
}
