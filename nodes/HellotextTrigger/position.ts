import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listPages, type Stream } from './streams';

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
	return { fingerprint, id: newest.id as string, createdAt: second, idsAtSecond: [...ids] };
}

export interface Scan {
	/** What was listed, newest first, down to the page holding the first handled object. */
	scanned: IDataObject[];
	/** How many of `scanned` (from the start) are new. */
	fresh: number;
}

/**
 * Pages from the newest object down to the first one already handled: the last position's object
 * itself or, when it was deleted, the first object older than its second (or a recorded tie).
 * An idle stream costs one request: its first page starts with the known object.
 */
export async function scanForNew(context: IPollFunctions, stream: Stream, position: Position): Promise<Scan> {
	const scanned: IDataObject[] = [];
	for await (const page of listPages(context, stream)) {
		const boundary = page.findIndex((object) => isHandled(object, position));
		scanned.push(...page);
		if (boundary !== -1) return { scanned, fresh: scanned.length - page.length + boundary };
	}
	return { scanned, fresh: scanned.length };
}
