// A backlog bigger than Max Items per Poll: drained in about one request per 100 objects, plus
// one per poll, each object emitted once and oldest first, whatever happens between polls.
import { afterEach, describe, expect, it } from 'vitest';
import type { INodeParameters } from 'n8n-workflow';

import { MAX_ATTEMPTS } from '../../../nodes/Hellotext/shared/retryPolicy';
import type { Position } from '../../../nodes/HellotextTrigger/position';
import { notFound, type HellotextSandbox, type JsonObject, type Query, type StoredObject } from '../../sandbox/server.ts';
import { ids, TriggerSession, useTriggerSandbox } from './poller';

type Stream = 'event' | 'profile';
const EVENTS = '/v1/attribution/events';
const DEFAULT_CAP = 500;

/**
 * What draining `count` objects may cost in `polls` polls: one request per 100 objects, one per
 * poll, and, once, the pages the first poll reads from the newest object down before it knows the
 * backlog is over its cap (as many as the cap allows, plus one).
 */
const budget = (count: number, polls: number, cap = DEFAULT_CAP) =>
	Math.ceil(count / 100) + polls + Math.floor(cap / 100) + 1;
/** When a backlog must first be read from the newest object down: about twice one request per 100 objects. */
const twice = (count: number, polls: number) => 2 * Math.ceil(count / 100) + 2 * polls;

/**
 * Has the sandbox answer some list requests its own way (`answer` returns undefined for the rest)
 * until the returned function is called. `answer` gets the objects newest first.
 */
function repaginate(
	sandbox: HellotextSandbox,
	answer: (newestFirst: StoredObject[], query: Query) => StoredObject[] | undefined,
): () => void {
	const own = sandbox.paginate;
	sandbox.paginate = (objects: StoredObject[], query: Query, newestFirst = true) =>
		answer(newestFirst ? [...objects].reverse() : objects, query) ?? own.call(sandbox, objects, query, newestFirst);
	return () => {
		sandbox.paginate = own;
	};
}

/** `ending_before` answered with the newest page of objects newer than the cursor (the sandbox answers with the closest). */
const newestPagesEndingBefore = (sandbox: HellotextSandbox) =>
	repaginate(sandbox, (newestFirst, { ending_before: cursor, limit }) => {
		if (typeof cursor !== 'string') return undefined;
		const end = newestFirst.findIndex((object) => object.id === cursor);
		if (end === -1) throw notFound('object', cursor);
		return newestFirst.slice(0, Math.min(end, Number(limit ?? 25)));
	});

/** An unknown `starting_after` answered with an empty page instead of a 404. */
const emptyPageForUnknownCursors = (sandbox: HellotextSandbox) =>
	repaginate(sandbox, (newestFirst, { starting_after: cursor }) =>
		typeof cursor === 'string' && !newestFirst.some((object) => object.id === cursor) ? [] : undefined,
	);

describe('Hellotext Trigger, a backlog over the cap', () => {
	const env = useTriggerSandbox();
	/** Undoes what a test changed in the sandbox's pagination. */
	const restores: Array<() => void> = [];
	afterEach(() => restores.splice(0).forEach((restore) => restore()));

	let clock = 1_700_000_000;
	const tick = () => {
		clock++;
		env.sandbox.now = () => clock;
	};
	/** Objects whose clock moves on one second every 37 objects: ties inside pages and across them. */
	function insert(stream: Stream, count: number, action = 'order.placed'): string[] {
		const collection = stream === 'event' ? 'events' : 'profiles';
		return Array.from({ length: count }, () => {
			const fields: JsonObject = stream === 'event' ? { action } : { first_name: 'Backlog', properties: [] };
			const { id } = env.sandbox.insert(collection, stream, fields);
			if (env.sandbox.collection(collection).length % 37 === 0) tick();
			return id;
		});
	}
	const remove = (stream: Stream, id: string) => env.sandbox.remove(stream === 'event' ? 'events' : 'profiles', id);

	async function activated(parameters: INodeParameters, history = 5) {
		tick();
		insert(parameters.triggerOn as Stream, history);
		const trigger = new TriggerSession(env, parameters);
		const result = await trigger.poll();
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		return trigger;
	}

	interface Drained {
		batches: string[][];
		/** Requests of every poll, the final idle one included. */
		perPoll: number[];
		requests: number;
		polls: number;
	}

	/** Polls until a poll emits nothing; `between(poll, drained so far)` runs before each poll. */
	async function drain(
		trigger: TriggerSession,
		options: { restart?: boolean; between?: (poll: number, sofar: Drained) => void | Promise<void> } = {},
	): Promise<Drained> {
		const drained: Drained = { batches: [], perPoll: [], requests: 0, polls: 0 };
		for (let poll = 0; poll < 200; poll++) {
			await options.between?.(poll, drained);
			const { items, requests, error } = await trigger.poll();
			expect(error).toBeUndefined();
			drained.perPoll.push(requests.length);
			drained.requests += requests.length;
			drained.polls++;
			if (options.restart) trigger.restart();
			if (items === null) return drained;
			drained.batches.push(ids(items));
		}
		throw new Error('the backlog did not drain in 200 polls');
	}

	/**
	 * Together the polls emitted `expected`, oldest first, once each, every poll but the last as many
	 * as the cap, in at most `maxRequests` requests. Prints what it cost.
	 */
	function expectDrained(what: string, drained: Drained, expected: string[], maxRequests: number) {
		console.log(`${what}: ${drained.requests} requests in ${drained.polls} polls (${drained.perPoll.join(' ')})`);
		expect(drained.batches.flat()).toEqual(expected);
		expect(drained.batches.slice(0, -1).every((batch) => batch.length === DEFAULT_CAP)).toBe(true);
		expect(drained.batches.at(-1)?.length).toBeLessThanOrEqual(DEFAULT_CAP);
		expect(drained.requests).toBeLessThanOrEqual(maxRequests);
	}
	const position = (trigger: TriggerSession) => trigger.live.position as Position;

	it.each<[Stream, boolean]>([
		['event', false],
		['profile', true],
	])(
		'10,000 new %ss with the default cap (restart after each poll: %s): one request per 100, plus one per poll',
		async (stream, restart) => {
			const trigger = await activated({ triggerOn: stream });
			const fresh = insert(stream, 10_000);
			const drained = await drain(trigger, { restart });
			expect(drained.polls).toBe(21);
			expectDrained(`10,000 ${stream}s`, drained, fresh, budget(10_000, drained.polls));
			// Every poll after the first reads only what it emits, and one page more.
			expect(Math.max(...drained.perPoll.slice(1))).toBeLessThanOrEqual(DEFAULT_CAP / 100 + 1);
			// The state stays small: a position, not a list of what is left.
			expect(JSON.stringify(trigger.saved).length).toBeLessThan(2_000);
		},
	);

	it('objects created while a backlog drains follow it, once each', async () => {
		const trigger = await activated({ triggerOn: 'event' });
		const backlog = insert('event', 3_000);
		const arrivals: string[] = [];
		const drained = await drain(trigger, {
			between: (poll) => {
				if (poll === 2) arrivals.push(...insert('event', 250));
				if (poll === 4) arrivals.push(...insert('event', 700));
			},
		});
		const all = [...backlog, ...arrivals];
		expectDrained('3,000 events + 950 arriving', drained, all, budget(3_950, drained.polls));
	});

	it.each(['below', 'id'] as const)(
		'the position’s %s object deleted mid-drain, and objects not yet emitted: nothing skipped, nothing twice',
		async (neighbour) => {
			const trigger = await activated({ triggerOn: 'event' });
			const fresh = insert('event', 3_000);
			const gone = new Set<string>();
			const drained = await drain(trigger, {
				between: (poll, sofar) => {
					const emitted = new Set(sofar.batches.flat());
					// The object the next poll climbs from (or the last one emitted), then objects not yet emitted.
					const doomed =
						poll === 2 ? [position(trigger)[neighbour]!] : poll === 3 ? [fresh[2_700], fresh[2_701], fresh[2_850]] : [];
					for (const object of doomed) {
						remove('event', object);
						if (!emitted.has(object)) gone.add(object);
					}
				},
			});
			expect(gone.size).toBe(3);
			// Losing it costs reading what is left once from the newest object down.
			const left = fresh.filter((object) => !gone.has(object));
			const most = budget(3_000, drained.polls) + Math.ceil(3_000 / 100);
			expectDrained(`3,000 events, ${neighbour} deleted`, drained, left, most);
		},
	);

	it.each([
		['a 404', undefined],
		['an empty page', emptyPageForUnknownCursors],
	])('a saved cursor deleted mid-drain (the API answers %s): the next one covers it', async (answer, repaginated) => {
		if (repaginated) restores.push(repaginated(env.sandbox));
		// Activated on an empty stream: the first poll must read the backlog from the newest object
		// down, and leaves cursors into what it read.
		const trigger = new TriggerSession(env, { triggerOn: 'event' });
		expect((await trigger.poll()).requests).toHaveLength(1);
		const fresh = insert('event', 3_000);
		const gone: string[] = [];
		const drained = await drain(trigger, {
			between: (poll) => {
				const cursors = position(trigger)?.cursors ?? [];
				if (poll === 1) expect(cursors.length).toBeGreaterThan(20);
				if (poll === 1 || poll === 3) {
					for (const cursor of [cursors[0], cursors[2]]) {
						remove('event', cursor);
						gone.push(cursor);
					}
				}
			},
		});
		// The first poll reads all 3,000; the rest read each object about once more.
		const left = fresh.filter((object) => !gone.includes(object));
		expectDrained(`3,000 events from an empty stream, cursors deleted (${answer})`, drained, left, twice(3_000, drained.polls));
	});

	it('a request failing mid-drain: the poll saves nothing, the next one repeats nothing and loses nothing', async () => {
		const trigger = await activated({ triggerOn: 'event' });
		const fresh = insert('event', 3_000);
		const before: Drained = await drain(trigger, {
			between: async (poll) => {
				if (poll !== 2) return;
				const live = JSON.parse(JSON.stringify(trigger.live)) as unknown;
				const saved = trigger.saved;
				const fault = { path: EVENTS, after: 2, times: MAX_ATTEMPTS, status: 503, headers: { 'retry-after': '0' } };
				env.sandbox.faults.push(fault);
				const failed = await trigger.poll();
				expect(failed.error?.httpCode).toBe('503');
				expect(failed.requests).toHaveLength(2 + MAX_ATTEMPTS);
				// It failed climbing from the position: the pages above it, asked ending_before.
				expect(failed.requests[2].query.ending_before).toBeDefined();
				expect(trigger.live).toEqual(live);
				expect(trigger.saved).toBe(saved);
			},
		});
		expectDrained('3,000 events, a failed poll', before, fresh, budget(3_000, before.polls));
	});

	it('an API that answers ending_before with the newest page: still once each, about two requests per 100', async () => {
		restores.push(newestPagesEndingBefore(env.sandbox));
		const trigger = await activated({ triggerOn: 'event' });
		const fresh = insert('event', 3_000);
		const arrivals: string[] = [];
		const drained = await drain(trigger, { between: (poll) => void (poll === 3 && arrivals.push(...insert('event', 120))) });
		const all = [...fresh, ...arrivals];
		expectDrained('3,000 events, newest pages for ending_before', drained, all, twice(3_120, drained.polls));
	});

	it('with an action filter, pages without a match cost no more than others', async () => {
		const trigger = await activated({ triggerOn: 'event', eventTypes: ['order.placed'] });
		const wanted: string[] = [];
		for (let block = 0; block < 10; block++) {
			wanted.push(...insert('event', 150));
			insert('event', block === 4 ? 900 : 200, 'cart.added');
		}
		const drained = await drain(trigger);
		expectDrained('1,500 of 4,200 events matching', drained, wanted, budget(4_200, drained.polls));
	});

	it('a position saved before cursors existed drains as before, then reads on from where it stands', async () => {
		const trigger = await activated({ triggerOn: 'event' });
		const { fingerprint, id, createdAt, idsAtSecond } = trigger.saved!.position as Position;
		trigger.saved = { position: { fingerprint, id, createdAt, idsAtSecond } };
		trigger.restart();
		const fresh = insert('event', 3_000);
		const drained = await drain(trigger);
		// Without the object below it, the first poll reads all 3,000 from the newest down.
		expectDrained('3,000 events from an older saved position', drained, fresh, twice(3_000, drained.polls));
	});

	it('Max Items per Poll changed mid-drain: the next polls emit the new cap, once each', async () => {
		const trigger = await activated({ triggerOn: 'event' });
		const fresh = insert('event', 1_500);
		const first = ids((await trigger.poll()).items);
		trigger.restart({ triggerOn: 'event', options: { maxItems: 300 } });
		const second = ids((await trigger.poll()).items);
		const rest = await drain(trigger);
		expect([first.length, second.length, ...rest.batches.map((batch) => batch.length)]).toEqual([500, 300, 300, 300, 100]);
		expect([...first, ...second, ...rest.batches.flat()]).toEqual(fresh);
	});

	it('changing the filters mid-drain drops the backlog and starts from the newest object', async () => {
		const trigger = await activated({ triggerOn: 'event' });
		insert('event', 2_000);
		expect((await trigger.poll()).items).toHaveLength(DEFAULT_CAP);
		expect(position(trigger).behind).toBe(true);
		trigger.restart({ triggerOn: 'event', eventTypes: ['cart.added'] });
		const changed = await trigger.poll();
		expect(changed.items).toBeNull();
		expect(changed.requests).toHaveLength(1);
		expect(position(trigger)).not.toHaveProperty('behind');
		const carts = insert('event', 3, 'cart.added');
		expect(ids((await trigger.poll()).items)).toEqual(carts);
		expect((await trigger.poll()).items).toBeNull();
	});
});
