import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../Hellotext/shared/cursor';
import { climb, positionAt, scanForNew, unlessCursorRefused, type Listing, type Position } from './position';
import type { Stream } from './streams';

/**
 * Saved cursors are this many objects apart, so that each page of 100 also lists the newest
 * object handled before it: the proof that nothing between was skipped.
 */
const CURSOR_STEP = MAX_PAGE_SIZE - 1;

/** What one poll read: new objects right above the saved position, with no gap. */
class Reading implements Listing {
	/** Newest first: the new objects, then the handled ones listed right below them. */
	scanned: IDataObject[] = [];
	fresh = 0;
	matching = 0;
	/** The newest object was read: nothing new is left unread. */
	complete = false;
	/** Saved cursors not used up, oldest first. */
	cursors: string[];
	/** As if everything read so far were handled: where the next read starts. */
	position: Position;

	constructor(
		private readonly stream: Stream,
		saved: Position,
	) {
		this.cursors = [...(saved.cursors ?? [])];
		this.position = saved;
	}

	/** Objects listed right above what was read so far. */
	add(listing: Listing): void {
		if (listing.fresh === 0) return;
		const added = listing.scanned.slice(0, listing.fresh);
		this.scanned = this.fresh === 0 ? listing.scanned : [...added, ...this.scanned];
		this.fresh += listing.fresh;
		this.matching += added.filter(this.stream.matches).length;
		this.position = positionAt(listing.scanned, 0, this.stream.fingerprint, this.position);
	}
}

/** Climbs from where the reading stands; false when not even the first page could be trusted. */
async function climbOn(context: IPollFunctions, reading: Reading, stream: Stream, enough: () => boolean) {
	let trusted = false;
	for await (const page of climb(context, stream, reading.position)) {
		trusted = true;
		reading.add(page);
		reading.complete = page.top;
		if (enough()) break;
	}
	return trusted;
}

/**
 * Reads the oldest new objects, at least `cap` matching ones when there are that many. A backlog
 * costs about one request per 100 objects: pages already read are not read again from the newest
 * object on every poll. Every page is checked against the saved position, so a cursor that no
 * longer works only costs requests: the read falls back to a newer cursor, or the newest object.
 */
async function read(context: IPollFunctions, stream: Stream, saved: Position, cap: number): Promise<Reading> {
	const reading = new Reading(stream, saved);
	const enough = () => reading.matching >= cap;

	// 1. Below the saved cursors, oldest first.
	while (reading.cursors.length > 0 && !enough()) {
		const scan = await unlessCursorRefused(
			scanForNew(context, stream, reading.position, { startingAfter: reading.cursors[0] }),
		);
		// Refused, or nothing handled below it (deleted, or answered with an empty page): a newer cursor covers it.
		if (scan?.reached === 'handled') reading.add(scan);
		if (scan?.reached !== 'handled' || !enough()) reading.cursors.shift();
	}
	if (reading.cursors.length > 0 || enough()) return reading;

	// 2. Up to the newest object: when the last poll stopped at its cap, climb on from there...
	const climbFirst = saved.behind === true && (saved.cursors ?? []).length === 0;
	if (climbFirst && (await climbOn(context, reading, stream, enough))) return reading;
	// ...else read down from the newest object. Past what the cap leaves room for, those pages
	// are the next polls' business: climb from the position instead.
	const canClimb = !climbFirst && reading.position.id !== undefined && reading.position.below !== undefined;
	let scan = await scanForNew(context, stream, reading.position, {
		stopAfter: canClimb ? cap - reading.matching : undefined,
	});
	if (scan.reached === 'stopAfter') {
		if (await climbOn(context, reading, stream, enough)) return reading;
		scan = await scanForNew(context, stream, reading.position, { resume: scan });
	}
	reading.add(scan);
	reading.complete = true;
	return reading;
}

/** `saved` without what it says is left to read. */
function settled(saved: Position): Position {
	const position = { ...saved, idsAtSecond: [...saved.idsAtSecond] };
	delete position.behind;
	delete position.cursors;
	return position;
}

/**
 * The oldest `cap` new matching objects, and the position to save after emitting them: at the
 * newest one emitted when more are waiting, else at the newest object read.
 */
export async function catchUp(
	context: IPollFunctions,
	stream: Stream,
	saved: Position,
	cap: number,
): Promise<{ emitted: IDataObject[]; position: Position }> {
	const reading = await read(context, stream, saved, cap);
	const matching = reading.scanned.slice(0, reading.fresh).filter(stream.matches).reverse();
	const emitted = matching.slice(0, cap);
	const cut = matching.length > cap ? reading.scanned.indexOf(emitted[emitted.length - 1]) : 0;
	const position = reading.fresh > 0 ? positionAt(reading.scanned, cut, stream.fingerprint, saved) : settled(saved);

	// Cursors into what was read and not emitted (after a read from the newest object down), then
	// the saved ones still ahead; the first of those is used up when everything read is handled.
	const cursors: string[] = [];
	for (let index = cut - MAX_PAGE_SIZE; index >= 0; index -= CURSOR_STEP) {
		cursors.push(reading.scanned[index].id as string);
	}
	cursors.push(...reading.cursors.slice(cut === 0 ? 1 : 0));
	if (cursors.length > 0) position.cursors = cursors;
	if (!reading.complete || matching.length > cap) position.behind = true;
	return { emitted, position };
}
