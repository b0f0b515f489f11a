// Bulk runs: 1,000 input items, one request each, under the node's default bound on requests in
// flight, with the parameters mapped as users map them (`{{ $json.x }}` expressions) and as fixed
// values. The floor: `fetch` workers sending the same requests with the same bound.
import type { IDataObject } from 'n8n-workflow';

import type { Engine } from '../test/harness/engine';
import type { HellotextSandbox } from '../test/sandbox/index.ts';
import { stats, timed, type Row } from './measure.ts';

interface BulkScenario {
	scenario: string;
	/** Prepares the sandbox (objects the items refer to) and returns the 1,000 input items. */
	seed: () => IDataObject[];
	/** The node's parameters. */
	parameters: IDataObject;
	/** The same request for one item, for the fetch floor. */
	floorRequest: (item: IDataObject) => { method: string; path: string; body?: IDataObject };
	/**
	 * How long the sandbox takes to answer. On loopback it answers faster than a node prepares its
	 * next request, so no bound is ever reached; a real API's latency shows the bound at work.
	 */
	latencyMs?: number;
}

const BULK_ITEMS = 1000;
const BULK_BOUND = 5;

/** What users run over many items: Profile > Create, List > Add Profile and Event > Track. */
export function bulkScenarios(sb: HellotextSandbox): BulkScenario[] {
	const people = () => Array.from({ length: BULK_ITEMS }, (_, n) => ({ first_name: `P${n}`, email: `p${n}@example.com` }));
	const profileIds = () =>
		Array.from({ length: BULK_ITEMS }, (_, n) => ({
			id: (sb.call('POST', '/v1/profiles', { first_name: `M${n}` }) as IDataObject).id as string,
		}));
	const listPath = '/v1/lists/Newsletter/profiles';
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	return [
		{
			scenario: 'Profile > Create, fixed values',
			seed: people,
			parameters: { resource: 'profile', operation: 'create', first_name: 'Bench' },
			floorRequest: () => ({ method: 'POST', path: '/v1/profiles', body: { first_name: 'Bench' } }),
		},
		{
			scenario: 'Profile > Create, 2 expressions',
			seed: people,
			parameters: { resource: 'profile', operation: 'create', first_name: '={{ $json.first_name }}', email: '={{ $json.email }}' },
			floorRequest: (item) => ({ method: 'POST', path: '/v1/profiles', body: { first_name: item.first_name, email: item.email } }),
		},
		{
			scenario: 'Profile > Create, 2 expressions, API answering in 20 ms',
			seed: people,
			parameters: { resource: 'profile', operation: 'create', first_name: '={{ $json.first_name }}', email: '={{ $json.email }}' },
			floorRequest: (item) => ({ method: 'POST', path: '/v1/profiles', body: { first_name: item.first_name, email: item.email } }),
			latencyMs: 20,
		},
		{
			scenario: 'List > Add Profile, {{ $json.id }}',
			seed: () => {
				sb.call('POST', '/v1/lists', { name: 'Newsletter' });
				return profileIds();
			},
			parameters: { resource: 'list', operation: 'addProfile', listId: { __rl: true, mode: 'name', value: 'Newsletter' }, listProfileId: byId('={{ $json.id }}') },
			floorRequest: (item) => ({ method: 'POST', path: `${listPath}/${String(item.id)}` }),
		},
		{
			scenario: 'Event > Track, 3 expressions',
			seed: () => {
				const order = (sb.call('POST', '/v1/attribution/orders', { reference: 'BENCH-1' }) as IDataObject).id as string;
				return profileIds().map(({ id }, n) => ({ profile: id, order, amount: n % 100 }));
			},
			parameters: {
				resource: 'event',
				operation: 'track',
				action: 'order.placed',
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

export async function benchBulk(engine: Engine, sb: HellotextSandbox, bulk: BulkScenario, runs: number): Promise<Row> {
	const times: number[] = [];
	const floorTimes: number[] = [];
	let peakInFlight = 0;
	let outputs = 0;
	let requests = 0;
	let peakRss = 0;
	let growth = 0;
	let errors = 0;
	for (let run = 0; run < runs; run++) {
		sb.reset();
		const items = bulk.seed();
		sb.latencyMs = bulk.latencyMs ?? 0;
		sb.requests = [];
		sb.peakInFlight = 0;
		const result = await timed(async () => await engine.run(bulk.parameters, items));
		times.push(result.ms);
		peakRss = Math.max(peakRss, result.peakRssMb);
		growth = Math.max(growth, result.growthMb);
		peakInFlight = Math.max(peakInFlight, sb.peakInFlight);
		outputs = result.value.items.length;
		errors += result.value.error ? 1 : 0;
		requests = sb.requests.length;
		sb.reset();
		const floorItems = bulk.seed();
		sb.latencyMs = bulk.latencyMs ?? 0;
		floorTimes.push((await timed(async () => await floorBulk(sb, floorItems, bulk.floorRequest, BULK_BOUND))).ms);
	}
	const ratio = stats(times).median / stats(floorTimes).median;
	return {
		scenario: `${BULK_ITEMS.toLocaleString('en')} items: ${bulk.scenario} (${BULK_BOUND} in flight)`,
		requests,
		floorRequests: BULK_ITEMS,
		wallMs: stats(times),
		floorWallMs: stats(floorTimes),
		ratio,
		peakRssMb: peakRss,
		// With latency the bound must be filled; n8n prepares every item before it sends any, so the
		// wall time is that preparation plus the floor's.
		target: bulk.latencyMs ? `${BULK_ITEMS} requests, ${BULK_BOUND} in flight` : `${BULK_ITEMS} requests, at most ${BULK_BOUND} in flight`,
		met:
			errors === 0 &&
			outputs === BULK_ITEMS &&
			requests === BULK_ITEMS &&
			(bulk.latencyMs ? peakInFlight === BULK_BOUND : peakInFlight <= BULK_BOUND),
		note: `peak in flight seen by the sandbox: ${peakInFlight}; RSS grew by at most ${Math.round(growth)} MB during a run`,
	};
}
