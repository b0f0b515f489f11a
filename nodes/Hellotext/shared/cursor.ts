import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

/** The API's largest page. */
export const MAX_PAGE_SIZE = 100;
/** 5,000 pages of 100: half a million objects, far past any sane single run. */
export const MAX_PAGES = 5_000;

/** One page of a list: its objects and, where the API says so, whether more follow. */
export interface Page<T> {
	objects: T[];
	hasMore?: boolean;
}

/**
 * The page a list answer holds: `{"<plural>": [...]}` as the reference documents every list, with
 * `has_more` where the guides add it (templates, messages). The array key of lists the guides only
 * infer (messages) is read defensively: the expected key, else `data`, else a bare array.
 */
export function pageOf(node: INode, body: unknown, listProperty: string, what: string): Page<IDataObject> {
	const answer = (body ?? {}) as IDataObject;
	const objects = Array.isArray(body) ? body : (answer[listProperty] ?? answer.data);
	if (!Array.isArray(objects)) {
		throw new NodeOperationError(node, `Hellotext answered ${what} without a "${listProperty}" list`);
	}
	const hasMore = typeof answer.has_more === 'boolean' ? answer.has_more : undefined;
	return { objects: objects as IDataObject[], hasMore };
}

export interface CursorOptions<T> {
	/** Filters, kept on every page. */
	query?: IDataObject;
	/** Start below this id instead of at the newest object. */
	startingAfter?: string;
	/** The object's id, the cursor for the next page. */
	idOf: (object: T) => unknown;
	/** Objects to ask for on the next page (asked before each request); 100 by default. */
	pageSize?: () => number;
	/** What the error says when MAX_PAGES pages were not enough. */
	tooManyPages: string;
	itemIndex?: number;
}

/**
 * The pages of a newest-first list, each fetched `starting_after` the last id of the one before,
 * until the API says there is no more (`has_more: false`) or, where it does not say, until a short
 * page. The caller stops early by leaving its `for await` loop. A cursor that does not move, and
 * more than MAX_PAGES pages, are errors rather than endless loops.
 */
export async function* cursorPages<T>(
	node: INode,
	fetchPage: (qs: IDataObject) => Promise<Page<T>>,
	options: CursorOptions<T>,
): AsyncGenerator<T[]> {
	let cursor = options.startingAfter;
	for (let page = 0; page < MAX_PAGES; page++) {
		const limit = options.pageSize?.() ?? MAX_PAGE_SIZE;
		const qs: IDataObject = { ...options.query, limit };
		if (cursor !== undefined) qs.starting_after = cursor;
		const { objects, hasMore } = await fetchPage(qs);
		yield objects;
		if (hasMore === false || objects.length === 0 || (hasMore === undefined && objects.length < limit)) return;
		const lastId = options.idOf(objects[objects.length - 1]);
		if (typeof lastId !== 'string' || lastId === '' || lastId === cursor) {
			throw new NodeOperationError(node, 'Hellotext pagination stopped moving: the page ended without a new cursor ID', {
				itemIndex: options.itemIndex,
			});
		}
		cursor = lastId;
	}
	throw new NodeOperationError(node, options.tooManyPages, { itemIndex: options.itemIndex });
}
