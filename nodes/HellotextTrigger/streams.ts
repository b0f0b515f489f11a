import {
	type IDataObject,
	type INodePropertyOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { getCustomEventTypes } from '../Hellotext/methods/loadOptions';
import { CUSTOM_EVENT_TYPE, eventTypePicker } from '../Hellotext/resources/event/fields';
import { cursorPages, MAX_PAGE_SIZE, MAX_PAGES, pageOf, type Page } from '../Hellotext/shared/cursor';
import { hellotextRequest } from '../Hellotext/shared/transport';

/** One list the trigger watches: newest first, cursor `starting_after`. */
export interface Stream {
	/** Names the plural in messages ("profiles", "events"). */
	noun: string;
	/** What the user does to get a first object, for the manual run's "nothing yet". */
	firstStep: string;
	path: string;
	listProperty: string;
	/** Query sent on every page besides `limit` and the cursor. */
	query: IDataObject;
	/** Whether `matches` filters at all. */
	filtered: boolean;
	/** Whether a listed object is one the user asked for (the filters the API does not apply). */
	matches: (object: IDataObject) => boolean;
	/** Stream and filters: when it changes, the saved position no longer applies. */
	fingerprint: string;
}

/** An event's action name: the reference lists `action` as `{id, name, title}`; a bare name is read too. */
export function actionName(event: IDataObject): string | undefined {
	const action = event.action;
	if (typeof action === 'string') return action;
	if (action && typeof action === 'object' && typeof (action as IDataObject).name === 'string') {
		return (action as IDataObject).name as string;
	}
	return undefined;
}

export function streamFor(context: IPollFunctions): Stream {
	const triggerOn = context.getNodeParameter('triggerOn') as string;
	if (triggerOn === 'profile') {
		return {
			noun: 'profiles',
			firstStep: 'create a profile',
			path: '/profiles',
			listProperty: 'profiles',
			// The API's default order is by last activity; only creation order keeps a stable position.
			query: { order: 'created_at' },
			filtered: false,
			matches: () => true,
			fingerprint: 'profile',
		};
	}
	const actions = [...new Set(context.getNodeParameter('eventTypes', []) as string[])].sort();
	const wanted = new Set(actions);
	return {
		noun: actions.length ? `events of the chosen types (${actions.join(', ')})` : 'events',
		firstStep: 'track an event',
		path: '/attribution/events',
		listProperty: 'events',
		query: {},
		// Whether the list filters by action is not documented: filter here.
		filtered: actions.length > 0,
		matches: (event) => wanted.size === 0 || wanted.has(actionName(event) ?? ''),
		fingerprint: JSON.stringify(['event', ...actions]),
	};
}

/** One page of the stream's list: `qs` holds the cursor and `limit`, the stream's query is added. */
async function listPage(context: IPollFunctions, stream: Stream, qs: IDataObject): Promise<Page<IDataObject>> {
	const body = await hellotextRequest.call(context, 'GET', stream.path, { qs: { ...stream.query, ...qs } });
	return pageOf(context.getNode(), body, stream.listProperty, `GET ${stream.path}`);
}

/**
 * The stream's pages from the newest (or from below `startingAfter`), `limit` objects each,
 * following `starting_after` until a short page. The caller stops early by leaving its `for await` loop.
 */
export async function* listPages(
	context: IPollFunctions,
	stream: Stream,
	limit = MAX_PAGE_SIZE,
	startingAfter?: string,
): AsyncGenerator<IDataObject[]> {
	yield* cursorPages(context.getNode(), async (qs) => await listPage(context, stream, qs), {
		startingAfter,
		idOf: (object) => object.id,
		pageSize: () => limit,
		tooManyPages: `Stopped after ${MAX_PAGES} pages of ${stream.noun}: the backlog is too large for one poll`,
	});
}

/**
 * A full page of objects newer than `id`. The reference does not say which ones when more than a
 * page is newer (the page closest to `id`, or the newest): the caller checks what it got.
 */
export async function pageEndingBefore(context: IPollFunctions, stream: Stream, id: string): Promise<IDataObject[]> {
	return (await listPage(context, stream, { limit: MAX_PAGE_SIZE, ending_before: id })).objects;
}

/** The stream's newest page (at most `limit` objects). */
export async function firstPage(context: IPollFunctions, stream: Stream, limit = MAX_PAGE_SIZE): Promise<IDataObject[]> {
	for await (const page of listPages(context, stream, limit)) return page;
	return [];
}

/**
 * Built-in event types and the account's own, for the filter. The built-in ones carry the names
 * Event > Track shows ("App: Installed"), taken from its Event Type picker.
 */
export async function getEventTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const builtIn = (eventTypePicker.options as INodePropertyOptions[])
		.filter((option) => option.value !== CUSTOM_EVENT_TYPE)
		.map(({ name, value }): INodePropertyOptions => ({ name, value }));
	const custom = (await getCustomEventTypes.call(this)).filter(
		(option) => !builtIn.some((known) => known.value === option.value),
	);
	return [...builtIn, ...custom].sort((a, b) => a.name.localeCompare(b.name));
}
