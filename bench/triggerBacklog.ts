// The trigger draining a 10,000-event backlog with the default Max Items per Poll (500): every
// poll until one emits nothing, through n8n-core's PollContext with the static data carried
// between polls as n8n does. The floor is a plain `fetch` loop reading the same 10,000 events in
// pages of 100. Wired into `npm run bench` by bench/run.ts.
import type { Engine } from '../test/support/engine';
import type { HellotextSandbox } from '../test/sandbox/index.ts';
import { PollSession, stats, timed, type Row } from './measure.ts';

const BACKLOG = 10_000;
const CAP = 500;
const PAGE = 100;
/**
 * One request per 100 events, one per poll, and once the pages the first poll reads from the
 * newest event down before it knows the backlog is over its cap.
 */
const budget = (polls: number) => Math.ceil(BACKLOG / PAGE) + polls + Math.floor(CAP / PAGE) + 1;

/** The floor: the newest `BACKLOG` events, page after page of 100 by `starting_after`. */
async function readByHand(sandbox: HellotextSandbox): Promise<number> {
	let cursor: string | undefined;
	let read = 0;
	let requests = 0;
	while (read < BACKLOG) {
		const qs = new URLSearchParams({ limit: String(PAGE) });
		if (cursor) qs.set('starting_after', cursor);
		const response = await fetch(`${sandbox.url}/v1/attribution/events?${qs}`, {
			headers: { authorization: `Bearer ${sandbox.token}` },
		});
		const { events } = (await response.json()) as { events: Array<{ id: string }> };
		requests++;
		read += events.length;
		if (events.length < PAGE) break;
		cursor = events[events.length - 1].id;
	}
	return requests;
}

/**
 * `runs` times: a trigger activated on a few events, then 10,000 new ones drained (polls until
 * one emits nothing) and read by hand. Uses (and resets) the sandbox's events.
 */
export async function benchTriggerBacklog(engine: Engine, sandbox: HellotextSandbox, runs: number): Promise<Row> {
	const times: number[] = [];
	const floorTimes: number[] = [];
	let peakRssMb = 0;
	let requests = 0;
	let floorRequests = 0;
	let polls = 0;
	let inOrderOnce = true;
	for (let run = 0; run < runs; run++) {
		sandbox.reset();
		for (let i = 0; i < 5; i++) sandbox.insert('events', 'event', { action: 'order.placed' });
		const trigger = new PollSession(engine, { triggerOn: 'event' });
		await trigger.poll(); // activation: records where the stream stands
		const backlog = Array.from({ length: BACKLOG }, () => sandbox.insert('events', 'event', { action: 'order.placed' }).id);
		const before = sandbox.requests.length;
		const drained = await timed(async () => {
			const emitted: string[] = [];
			let count = 0;
			for (let batch = await trigger.poll(); batch !== null; batch = await trigger.poll()) {
				emitted.push(...batch.map((event) => event.id as string));
				count++;
			}
			return { emitted, polls: count + 1 };
		});
		requests = sandbox.requests.length - before;
		polls = drained.value.polls;
		inOrderOnce &&= drained.value.emitted.length === BACKLOG && drained.value.emitted.every((id, i) => id === backlog[i]);
		times.push(drained.ms);
		peakRssMb = Math.max(peakRssMb, drained.peakRssMb);
		const floor = await timed(async () => await readByHand(sandbox));
		floorRequests = floor.value;
		floorTimes.push(floor.ms);
	}
	const wallMs = stats(times);
	const floorWallMs = stats(floorTimes);
	return {
		scenario: 'Trigger, 10,000-event backlog (cap 500)',
		requests,
		floorRequests,
		wallMs,
		floorWallMs,
		ratio: wallMs.median / floorWallMs.median,
		peakRssMb,
		target: `<= ${budget(polls)} requests in ${polls} polls, each event once, oldest first`,
		met: requests <= budget(polls) && inOrderOnce,
		note: `${polls} polls (the last one idle); wall time is the whole drain, every poll back to back`,
	};
}
