import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { MAX_PAGE_SIZE, MAX_PAGES } from '../Hellotext/shared/cursor';
import { listPages, pageEndingBefore, type Stream } from './streams';

/**
 * Where a stream stands: the newest object already handled (emitted, filtered out, or there before
 * activation). Saved in the node's static data as a fresh object on every change.
 */
export interface Position extends IDataObject {
	fingerprint: string;
	/** Unset when the stream was empty: then every object is new. */
	id?: string;
	/** `created_at` of that object: the fallback when it is deleted. */
	createdAt?: number;
	/** Every handled object created in that same second, so a tie is neither skipped nor repeated. */
	idsAtSecond: string[];
	/**
	 * The object listed right below `id` when it was handled. A page `ending_before` it that lists
	 * `id` shows the objects that came right after `id`, whichever page the API picks.
	 */
	below?: string;
	/** The last poll stopped at its cap: the next one reads on from `id` rather than from the newest object. */
	behind?: boolean;
	/**
	 * `starting_after` cursors into what is still to emit, oldest first, 99 objects apart: each
	 * page lists the next 99 and the newest one handled before them. Left by a poll that had to read
	 * a backlog from the newest object down.
	 */
	cursors?: string[];
}

/** Epoch seconds, also from a numeric string; undefined when the object carries none. */
function createdAt(object: IDataObject): number | undefined {
	const value = object.created_at;
	const epoch = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof epoch === 'number' && Number.isFinite(epoch) ? epoch : undefined;
}

/** Whether a listed object was already handled, read from `position`. */
function isHandled(object: IDataObject, position: Position): boolean {
	if (position.id !== undefined && object.id === position.id) return true;
	if (position.createdAt === undefined) return false;
	const second = createdAt(object);
	if (second === undefined) return false;
	if (second !== position.createdAt) return second < position.createdAt;
	return position.idsAtSecond.includes(object.id as string);
}

/**
 * The position at `scanned[index]` (a newest-first list): every object from there on is handled, so
 * the ones in the same second join the ids of that second (with the previous ones if it is the same).
 */
export function positionAt(
	scanned: IDataObject[],
	index: number,
	fingerprint: string,
	previous?: Position,
): Position {
	const newest = scanned[index];
	if (newest === undefined) return { fingerprint, idsAtSecond: [] };
	const second = createdAt(newest);
	const ids = new Set(previous && previous.createdAt === second ? previous.idsAtSecond : []);
	if (second !== undefined) {
		for (const object of scanned.slice(index)) {
			if (createdAt(object) === second) ids.add(object.id as string);
		}
	}
	ids.add(newest.id as string);
	const position: Position = { fingerprint, id: newest.id as string, createdAt: second, idsAtSecond: [...ids] };
	const below = scanned[index + 1]?.id;
	if (typeof below === 'string') position.below = below;
	return position;
}

/** Objects as listed, newest first: the new ones, then handled ones below them. */
export interface Listing {
	scanned: IDataObject[];
	/** How many of `scanned` (from the start) are new. */
	fresh: number;
}

export interface Scan extends Listing {
	/** Down to a handled object, down to the end of the list, or stopped at `stopAfter` new objects. */
	reached: 'handled' | 'end' | 'stopAfter';
}

export interface ScanOptions {
	/** Read down from below this id instead of from the newest object. */
	startingAfter?: string;
	/** Stop once more than this many objects are new (and none handled yet). */
	stopAfter?: number;
	/** A scan stopped by `stopAfter`, to go on with. */
	resume?: Scan;
}

/**
 * Pages from the newest object (or from a cursor) down to the first one already handled: the
 * position's object itself or, when it was deleted, the first object older than its second (or a
 * recorded tie). An idle stream costs one request: its first page starts with the known object.
 */
export async function scanForNew(
	context: IPollFunctions,
	stream: Stream,
	position: Position,
	options: ScanOptions = {},
): Promise<Scan> {
	const scanned = [...(options.resume?.scanned ?? [])];
	const startingAfter = options.resume ? (scanned[scanned.length - 1]?.id as string) : options.startingAfter;
	for await (const page of listPages(context, stream, MAX_PAGE_SIZE, startingAfter)) {
		const boundary = page.findIndex((object) => isHandled(object, position));
		scanned.push(...page);
		if (boundary !== -1) return { scanned, fresh: scanned.length - page.length + boundary, reached: 'handled' };
		if (options.stopAfter !== undefined && scanned.length > options.stopAfter && page.length === MAX_PAGE_SIZE) {
			return { scanned, fresh: scanned.length, reached: 'stopAfter' };
		}
	}
	return { scanned, fresh: scanned.length, reached: 'end' };
}

/**
 * `request`'s answer, or undefined when the API refused its cursor: the cursor's object was deleted
 * (404), or the id is not one it takes (400, 422). Anything else fails the poll.
 */
export async function unlessCursorRefused<T>(request: Promise<T>): Promise<T | undefined> {
	return await request.catch((error: unknown) => {
		if (['400', '404', '422'].includes(String((error as { httpCode?: unknown }).httpCode))) return undefined;
		throw error;
	});
}

/**
 * The pages right above `position`, oldest first, each asked `ending_before` the object listed
 * right below the newest object handled so far, and trusted only if it lists that object: the
 * objects newer than it in such a page are the ones that came right after it, whether the API
 * answers with the page closest to the cursor or with the newest page. `top`: the page is not full,
 * so it holds everything newer. Ends early, without an error, on a page it cannot trust or a cursor
 * the API refuses.
 */
export async function* climb(
	context: IPollFunctions,
	stream: Stream,
	position: Position,
): AsyncGenerator<Listing & { top: boolean }> {
	let { id: known, below } = position;
	for (let pages = 0; pages < MAX_PAGES && known !== undefined && below !== undefined; pages++) {
		const page = await unlessCursorRefused(pageEndingBefore(context, stream, below));
		if (page === undefined) return;
		const fresh = page.findIndex((object) => object.id === known);
		const full = page.length >= MAX_PAGE_SIZE;
		// Not listed: the page is not next to it (the newest page, or the object was deleted).
		// Listed first in a full page: nothing to climb on.
		if (fresh === -1 || (fresh === 0 && full)) return;
		yield { scanned: page, fresh, top: !full };
		if (!full) return;
		known = page[0].id as string;
		below = page[1].id as string;
	}
}
