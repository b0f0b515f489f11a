// Bulk runs: 1,000 input items (10,000 for the large run), one request each, under the node's
// default bound on requests in flight, with the parameters mapped as users map them
// (`{{ $json.x }}` expressions) and as fixed values. The floor: `fetch` workers sending the same
// requests with the same bound.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Hellotext } from '../nodes/Hellotext/Hellotext.node.ts';
import { Engine, NODE_TYPE } from '../test/support/engine';
import type { HellotextSandbox } from '../test/sandbox/index.ts';
import { stats, timed, watchEventLoop, withRunMarks, type Row } from './measure.ts';
import { hellotextParameters, phoneInput, SMS_TEXT } from './realN8n.ts';

interface BulkScenario {
	scenario: string;
	/** Input items (default BULK_ITEMS). */
	items?: number;
	/** Prepares the sandbox (objects the items refer to) and returns `count` input items. */
	seed: (count: number) => IDataObject[];
	/** The node's parameters. */
	parameters: INodeParameters;
	/** The same request for one item, for the fetch floor. */
	floorRequest: (item: IDataObject) => { method: string; path: string; body?: IDataObject };
	/**
	 * How long the sandbox takes to answer. On loopback it answers faster than a node prepares its
	 * next request, so no bound is ever reached; a real API's latency shows the bound at work.
	 */
	latencyMs?: number;
	/**
	 * With latency: the node's median wall time must stay within this multiple of the I/O floor,
	 * the time the requests alone take at the bound (items x latency / bound).
	 */
	withinIoFloor?: number;
	/**
	 * Watched in every run: the event loop's longest block while the node runs, from its item loop's
	 * start to its return (a timer ticking every 10 ms, the largest gap between ticks), and how long
	 * after the node starts its first request reaches the sandbox (the sandbox's arrival time).
	 */
	responsiveness?: { longestBlockMs: number; firstRequestMs: number };
}

const BULK_ITEMS = 1000;
const LARGE_ITEMS = 10_000;
const BULK_BOUND = 5;

/** What users run over many items: Profile > Create, List > Add Profile, Message > Send and Event > Track. */
export function bulkScenarios(sb: HellotextSandbox): BulkScenario[] {
	const people = (count: number) => Array.from({ length: count }, (_, n) => ({ firstName: `P${n}`, email: `p${n}@example.com` }));
	const profileIds = (count: number) =>
		Array.from({ length: count }, (_, n) => ({
			id: (sb.call('POST', '/v1/profiles', { first_name: `M${n}` }) as IDataObject).id as string,
		}));
	const listPath = '/v1/lists/Newsletter/profiles';
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const twoExpressions = { resource: 'profile', operation: 'create', firstName: '={{ $json.firstName }}', email: '={{ $json.email }}' };
	const createFloor: BulkScenario['floorRequest'] = (item) => ({ method: 'POST', path: '/v1/profiles', body: { first_name: item.firstName, email: item.email } });
	return [
		{
			scenario: 'Profile > Create, fixed values',
			seed: people,
			parameters: { resource: 'profile', operation: 'create', firstName: 'Bench' },
			floorRequest: () => ({ method: 'POST', path: '/v1/profiles', body: { first_name: 'Bench' } }),
		},
		{
			scenario: 'Profile > Create, 2 expressions',
			seed: people,
			parameters: twoExpressions,
			floorRequest: createFloor,
		},
		{
			scenario: 'Profile > Create, 2 expressions, responsiveness',
			items: LARGE_ITEMS,
			seed: people,
			parameters: twoExpressions,
			floorRequest: createFloor,
			responsiveness: { longestBlockMs: 250, firstRequestMs: 1000 },
		},
		{
			scenario: 'Profile > Create, 2 expressions, API answering in 20 ms',
			seed: people,
			parameters: twoExpressions,
			floorRequest: createFloor,
			latencyMs: 20,
			withinIoFloor: 1.2,
		},
		{
			scenario: 'List > Add Profile, {{ $json.id }}',
			seed: (count) => {
				sb.call('POST', '/v1/lists', { name: 'Newsletter' });
				return profileIds(count);
			},
			parameters: { resource: 'list', operation: 'addProfile', listId: { __rl: true, mode: 'name', value: 'Newsletter' }, listProfileId: byId('={{ $json.id }}') },
			floorRequest: (item) => ({ method: 'POST', path: `${listPath}/${String(item.id)}` }),
		},
		{
			scenario: 'Message > Send (SMS), phone from an expression',
			seed: (count) => Array.from({ length: count }, (_, n) => phoneInput(n)),
			parameters: hellotextParameters.sendSms('={{ $json.phone }}', SMS_TEXT),
			floorRequest: (item) => ({ method: 'POST', path: '/v1/messages', body: { technology: 'sms', destination: item.phone, body: SMS_TEXT } }),
		},
		{
			scenario: 'Event > Track, 3 expressions',
			seed: (count) => {
				const order = (sb.call('POST', '/v1/attribution/orders', { reference: 'BENCH-1' }) as IDataObject).id as string;
				return profileIds(count).map(({ id }, n) => ({ profile: id, order, amount: n % 100 }));
			},
			parameters: {
				resource: 'event',
				operation: 'track',
				eventType: 'order.placed',
				order: byId('={{ $json.order }}'),
				profile: byId('={{ $json.profile }}'),
				eventAdditionalFields: { amount: '={{ $json.amount }}', currency: 'USD' },
			},
			floorRequest: (item) => ({
				method: 'POST',
				path: '/v1/attribution/events',
				body: { action: 'order.placed', order: item.order, profile: item.profile, amount: item.amount, currency: 'USD' },
			}),
		},
	];
}

/** The floor for a bulk run: `bound` workers, each sending the next item's request until all are sent. */
async function floorBulk(sb: HellotextSandbox, items: IDataObject[], request: BulkScenario['floorRequest'], bound: number) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const { method, path, body } = request(items[next++]);
			const response = await fetch(`${sb.url}${path}`, {
				method,
				headers: { authorization: `Bearer ${sb.token}`, 'content-type': 'application/json' },
				body: body && JSON.stringify(body),
			});
			await response.json();
		}
	};
	await Promise.all(Array.from({ length: bound }, worker));
}

/** A request as a string, object keys sorted and an empty body as none, to compare node and floor. */
const canonical = (method: string, path: string, body: unknown) => {
	const sorted = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(sorted)
			: value !== null && typeof value === 'object'
				? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]))
				: value;
	const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
	return `${method} ${path} ${empty ? '' : JSON.stringify(sorted(body))}`;
};

/** How the node's requests differ from the floor's for the same items (as multisets), if they do. */
function requestMismatch(sent: Array<{ method: string; path: string; body?: unknown }>, items: IDataObject[], request: BulkScenario['floorRequest']) {
	const wanted = new Map<string, number>();
	for (const item of items) {
		const { method, path, body } = request(item);
		const key = canonical(method, path, body);
		wanted.set(key, (wanted.get(key) ?? 0) + 1);
	}
	for (const { method, path, body } of sent) {
		const key = canonical(method, path, body);
		const left = wanted.get(key) ?? 0;
		if (left === 0) return `the node sent ${key}, which the floor does not`;
		wanted.set(key, left - 1);
	}
	return undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const spread = (values: number[], unit = ' ms') => {
	const { min, median, max } = stats(values);
	return `${Math.round(min)} / ${Math.round(median)} / ${Math.round(max)}${unit}`;
};

export async function benchBulk(engine: Engine, sb: HellotextSandbox, bulk: BulkScenario, runs: number): Promise<Row> {
	const count = bulk.items ?? BULK_ITEMS;
	// Watched runs use the same node with its start and return marked.
	const watched = bulk.responsiveness ? withRunMarks(new Hellotext()) : undefined;
	const runner = watched ? new Engine({ baseUrl: sb.url, token: sb.token, nodeTypes: { [NODE_TYPE]: watched.nodeType } }) : engine;
	const times: number[] = [];
	const floorTimes: number[] = [];
	const longestBlocks: number[] = [];
	const longestBlocksOverall: number[] = [];
	const firstRequests: number[] = [];
	let peakInFlight = 0;
	let outputs = 0;
	let requests = 0;
	let peakRss = 0;
	let growth = 0;
	let errors = 0;
	let mismatch: string | undefined;
	for (let run = 0; run < runs; run++) {
		sb.reset();
		const items = bulk.seed(count);
		sb.latencyMs = bulk.latencyMs ?? 0;
		sb.requests = [];
		sb.peakInFlight = 0;
		const result = await timed(async () => {
			const watch = watched ? watchEventLoop(10) : undefined;
			try {
				return await runner.run(bulk.parameters, items);
			} finally {
				const blocks = watch?.stop();
				const { start, end } = watched?.marks ?? {};
				if (blocks && start && end) {
					longestBlocks.push(blocks.longestWithin(start.perf, end.perf));
					longestBlocksOverall.push(blocks.longest);
					firstRequests.push(Math.min(...sb.requests.map((r) => r.at ?? Number.POSITIVE_INFINITY)) - start.epoch);
				}
			}
		});
		times.push(result.ms);
		peakRss = Math.max(peakRss, result.peakRssMb);
		growth = Math.max(growth, result.growthMb);
		peakInFlight = Math.max(peakInFlight, sb.peakInFlight);
		outputs = result.value.items.length;
		errors += result.value.error ? 1 : 0;
		requests = sb.requests.length;
		mismatch ??= requestMismatch(sb.requests, items, bulk.floorRequest);
		sb.reset();
		const floorItems = bulk.seed(count);
		sb.latencyMs = bulk.latencyMs ?? 0;
		floorTimes.push((await timed(async () => await floorBulk(sb, floorItems, bulk.floorRequest, BULK_BOUND))).ms);
	}
	sb.reset();
	const wallMs = stats(times);
	const ratio = wallMs.median / stats(floorTimes).median;
	const targets: string[] = [`${count} requests as the floor's`, bulk.latencyMs ? `${BULK_BOUND} in flight` : `at most ${BULK_BOUND} in flight`];
	const notes = [`peak in flight seen by the sandbox: ${peakInFlight}`, `RSS grew by at most ${Math.round(growth)} MB during a run`];
	if (mismatch) notes.unshift(`WRONG: ${mismatch}`);
	let met = !mismatch && errors === 0 && outputs === count && requests === count && (bulk.latencyMs ? peakInFlight === BULK_BOUND : peakInFlight <= BULK_BOUND);
	if (bulk.latencyMs && bulk.withinIoFloor) {
		// The time the requests alone take: each holds a slot for the latency, BULK_BOUND at a time.
		const ioFloorMs = (count * bulk.latencyMs) / BULK_BOUND;
		targets.push(`wall <= ${bulk.withinIoFloor}x I/O floor (${count} x ${bulk.latencyMs} ms / ${BULK_BOUND} = ${seconds(ioFloorMs)})`);
		notes.push(`median wall ${seconds(wallMs.median)} = ${(wallMs.median / ioFloorMs).toFixed(2)}x the I/O floor of ${seconds(ioFloorMs)}`);
		met &&= wallMs.median <= bulk.withinIoFloor * ioFloorMs;
	}
	if (bulk.responsiveness) {
		const { longestBlockMs, firstRequestMs } = bulk.responsiveness;
		targets.push(`node's longest event-loop block <= ${longestBlockMs} ms and 1st request <= ${seconds(firstRequestMs)} after it starts, every run`);
		notes.push(`longest event-loop block during the node's run, per run (min / median / max): ${spread(longestBlocks)}`);
		notes.push(`over the whole engine run, n8n's own work before and after the node included: ${spread(longestBlocksOverall)}`);
		notes.push(`first request at the sandbox after the node started (min / median / max): ${spread(firstRequests)}`);
		// Every run watched, each within the bound.
		met &&= longestBlocks.length === runs && Math.max(...longestBlocks) <= longestBlockMs && Math.max(...firstRequests) <= firstRequestMs;
	}
	return {
		scenario: `${count.toLocaleString('en')} items: ${bulk.scenario} (${BULK_BOUND} in flight)`,
		requests,
		floorRequests: count,
		wallMs,
		floorWallMs: stats(floorTimes),
		ratio,
		peakRssMb: peakRss,
		target: targets.join(', '),
		met,
		note: notes.join('; '),
	};
}
