// `npm run bench`: what the node costs against the floor, through the real n8n-core engine and
// the sandbox on loopback. The floor of each scenario is a plain `fetch` loop making the same
// requests, measured in the same run. Prints a table and writes bench/results/latest.json.
// Expressions are evaluated by n8n 2.x's default `vm` engine (an isolate), as in production.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { PollContext } from 'n8n-core';
import { Expression, type IDataObject, type Workflow } from 'n8n-workflow';

import { HellotextTrigger } from '../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { Engine, makeAdditionalData } from '../test/harness/engine';
import { createSandbox, type HellotextSandbox } from '../test/sandbox/index.ts';
import { benchTriggerBacklog } from './triggerBacklog.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TRIGGER = 'n8n-nodes-hellotext.hellotextTrigger';

interface Row {
	scenario: string;
	requests: number;
	floorRequests: number;
	wallMs: { min: number; median: number; max: number };
	floorWallMs: { min: number; median: number; max: number };
	ratio: number;
	peakRssMb: number;
	target: string;
	met: boolean;
	note?: string;
}

const stats = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};
const round = (n: number) => Math.round(n * 10) / 10;
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; peakRssMb: number; growthMb: number }> {
	(globalThis as { gc?: () => void }).gc?.();
	const before = rssMb();
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 5);
	const start = performance.now();
	try {
		const value = await fn();
		peak = Math.max(peak, rssMb());
		return { ms: performance.now() - start, value, peakRssMb: peak, growthMb: peak - before };
	} finally {
		clearInterval(sampler);
	}
}

async function repeat<T>(runs: number, fn: () => Promise<T>) {
	const times: number[] = [];
	let peak = 0;
	let growth = 0;
	let last: T | undefined;
	for (let i = 0; i < runs; i++) {
		const result = await timed(fn);
		times.push(result.ms);
		peak = Math.max(peak, result.peakRssMb);
		growth = Math.max(growth, result.growthMb);
		last = result.value;
	}
	return { stats: stats(times), peak, growth, last: last as T };
}

function seedProfiles(sb: HellotextSandbox, count: number) {
	for (let i = 0; i < count; i++) {
		sb.call('POST', '/v1/profiles', { first_name: `P${i}`, last_name: 'Bench', email: `p${i}@example.com` });
	}
}

/** The floor for listing: fetch pages by hand, exactly the requests a careful script makes. */
async function floorList(sb: HellotextSandbox, wanted: number) {
	const items: unknown[] = [];
	let cursor: string | undefined;
	let requests = 0;
	for (;;) {
		const limit = Math.min(100, wanted - items.length);
		const qs = new URLSearchParams({ last_name: 'Bench', limit: String(limit) });
		if (cursor) qs.set('starting_after', cursor);
		const response = await fetch(`${sb.url}/v1/profiles?${qs}`, { headers: { authorization: `Bearer ${sb.token}` } });
		requests++;
		const page = ((await response.json()) as { profiles: Array<{ id: string }> }).profiles;
		items.push(...page);
		if (page.length < limit || items.length >= wanted) return { items, requests };
		cursor = page[page.length - 1].id;
	}
}

async function main() {
	await Expression.initExpressionEngine({ engine: 'vm', poolSize: 1, maxCodeCacheSize: 1024, bridgeTimeout: 5000, bridgeMemoryLimit: 128 } as never);
	const sb = createSandbox('bench-token');
	await sb.start(0);
	const trigger = new HellotextTrigger();
	const engine = new Engine({ baseUrl: sb.url, token: sb.token, nodeTypes: { [TRIGGER]: trigger } });
	const rows: Row[] = [];
	const countRequests = async <T>(fn: () => Promise<T>) => {
		const before = sb.requests.length;
		const value = await fn();
		return { value, requests: sb.requests.length - before };
	};
	const listParams = (extra: IDataObject) => ({ resource: 'profile', operation: 'getAll', profileFilters: { last_name: 'Bench' }, ...extra });

	// 1. Return All over 1,000 and 10,000 profiles.
	for (const size of [1_000, 10_000]) {
		sb.reset();
		seedProfiles(sb, size);
		const node = await repeat(RUNS, async () => countRequests(async () => await engine.run(listParams({ returnAll: true }))));
		const items = node.last.value.items.length;
		const floor = await repeat(RUNS, async () => await floorList(sb, Number.POSITIVE_INFINITY));
		const expected = Math.floor(size / 100) + 1;
		const ratio = node.stats.median / floor.stats.median;
		rows.push({
			scenario: `Return All, ${size.toLocaleString('en')} profiles`,
			requests: node.last.requests,
			floorRequests: floor.last.requests,
			wallMs: node.stats,
			floorWallMs: floor.stats,
			ratio,
			peakRssMb: node.peak,
			target: `${expected} requests, wall <= 1.2x floor`,
			met: node.last.requests === expected && items === size && ratio <= 1.2,
			note: `RSS grew by at most ${Math.round(node.growth)} MB during a run (${items} items out)`,
		});
		sb.requests = [];
	}

	// 2. Limit 250 and Limit 5.
	for (const limit of [250, 5]) {
		const node = await repeat(RUNS, async () => countRequests(async () => await engine.run(listParams({ returnAll: false, limit }))));
		const floor = await repeat(RUNS, async () => await floorList(sb, limit));
		const expected = Math.ceil(limit / 100);
		rows.push({
			scenario: `Limit ${limit}`,
			requests: node.last.requests,
			floorRequests: floor.last.requests,
			wallMs: node.stats,
			floorWallMs: floor.stats,
			ratio: node.stats.median / floor.stats.median,
			peakRssMb: node.peak,
			target: `${expected} request${expected > 1 ? 's' : ''}`,
			met: node.last.requests === expected && node.last.value.items.length === limit,
		});
		sb.requests = [];
	}

	// 3. Trigger: an idle poll, and catching up 1,000 new events.
	sb.reset();
	const session = new PollSession(engine, { triggerOn: 'event', options: { maxItems: 1000 } });
	sb.insert('events', 'event', { action: 'order.placed' });
	await session.poll(); // activation: records the position
	const idle = await repeat(RUNS, async () => countRequests(async () => await session.poll()));
	const idleFloor = await repeat(RUNS, async () => {
		await fetch(`${sb.url}/v1/attribution/events?limit=100`, { headers: { authorization: `Bearer ${sb.token}` } }).then((r) => r.json());
		return 1;
	});
	rows.push({
		scenario: 'Trigger, idle poll (events)',
		requests: idle.last.requests,
		floorRequests: 1,
		wallMs: idle.stats,
		floorWallMs: idleFloor.stats,
		ratio: idle.stats.median / idleFloor.stats.median,
		peakRssMb: idle.peak,
		target: '1 request per stream',
		met: idle.last.requests === 1 && idle.last.value === null,
	});
	const catchUpTimes: number[] = [];
	const floorTimes: number[] = [];
	let catchUp = { requests: 0, emitted: 0, unique: 0 };
	let peak = 0;
	for (let run = 0; run < RUNS; run++) {
		for (let i = 0; i < 1000; i++) sb.insert('events', 'event', { action: 'order.placed', run });
		const result = await timed(async () => countRequests(async () => await session.poll()));
		catchUpTimes.push(result.ms);
		peak = Math.max(peak, result.peakRssMb);
		const emitted = result.value.value ?? [];
		catchUp = { requests: result.value.requests, emitted: emitted.length, unique: new Set(emitted.map((e) => e.id)).size };
		const floor = await timed(async () => {
			let cursor: string | undefined;
			for (let page = 0; page < 11; page++) {
				const qs = new URLSearchParams({ limit: '100' });
				if (cursor) qs.set('starting_after', cursor);
				const events = ((await (await fetch(`${sb.url}/v1/attribution/events?${qs}`, { headers: { authorization: `Bearer ${sb.token}` } })).json()) as { events: Array<{ id: string }> }).events;
				cursor = events[events.length - 1]?.id;
			}
		});
		floorTimes.push(floor.ms);
	}
	rows.push({
		scenario: 'Trigger, 1,000 new events',
		requests: catchUp.requests,
		floorRequests: 11,
		wallMs: stats(catchUpTimes),
		floorWallMs: stats(floorTimes),
		ratio: stats(catchUpTimes).median / stats(floorTimes).median,
		peakRssMb: peak,
		target: '<= 11 requests, 1,000 emitted once',
		met: catchUp.requests <= 11 && catchUp.emitted === 1000 && catchUp.unique === 1000,
	});

	// 4. 1,000 input items, one request each, default bound on requests in flight: the node's
	// parameters as users map them (`{{ $json.x }}` expressions) and as fixed values.
	for (const bulk of bulkScenarios(sb)) rows.push(await benchBulk(engine, sb, bulk));

	rows.push(await benchTriggerBacklog(engine, sb, RUNS));
	await sb.stop();
	report(rows);
}

interface BulkScenario {
	scenario: string;
	/** Prepares the sandbox (objects the items refer to) and returns the 1,000 input items. */
	seed: () => IDataObject[];
	/** The node's parameters. */
	parameters: IDataObject;
	/** The same request for one item, for the fetch floor. */
	floorRequest: (item: IDataObject) => { method: string; path: string; body?: IDataObject };
}

const BULK_ITEMS = 1000;
const BULK_BOUND = 5;

/** What users run over many items: Profile > Create, List > Add Profile and Event > Track. */
function bulkScenarios(sb: HellotextSandbox): BulkScenario[] {
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

async function benchBulk(engine: Engine, sb: HellotextSandbox, bulk: BulkScenario): Promise<Row> {
	const times: number[] = [];
	const floorTimes: number[] = [];
	let peakInFlight = 0;
	let outputs = 0;
	let requests = 0;
	let peakRss = 0;
	let growth = 0;
	let errors = 0;
	for (let run = 0; run < RUNS; run++) {
		sb.reset();
		const items = bulk.seed();
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
		target: `${BULK_ITEMS} requests, at most ${BULK_BOUND} in flight`,
		met: errors === 0 && outputs === BULK_ITEMS && requests === BULK_ITEMS && peakInFlight <= BULK_BOUND,
		note: `peak in flight seen by the sandbox: ${peakInFlight}; RSS grew by at most ${Math.round(growth)} MB during a run`,
	};
}

/** Polls the trigger the way n8n does: one workflow kept across polls, its static data carried. */
class PollSession {
	private workflow: Workflow | undefined;
	constructor(
		private readonly engine: Engine,
		private readonly parameters: IDataObject,
	) {}
	async poll(): Promise<IDataObject[] | null> {
		let context: PollContext;
		if (!this.workflow) {
			context = this.engine.pollContext(this.parameters as never, TRIGGER, {}, 'trigger');
			this.workflow = (context as unknown as { workflow: Workflow }).workflow;
		} else {
			const node = this.workflow.getNode('Hellotext Trigger')!;
			context = new PollContext(this.workflow, node, makeAdditionalData(this.engine.credentialsHelper), 'trigger', 'activate');
		}
		// As n8n's PollTriggerExecutor does: the poll holds an expression isolate while it runs.
		const result = await this.workflow.expression.withIsolate(async () => await new HellotextTrigger().poll.call(context));
		return result === null ? null : result[0].map((item) => item.json);
	}
}

function report(rows: Row[]) {
	const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	const header = ['scenario', 'requests', 'floor req', 'wall ms (min/med/max)', 'floor ms (min/med/max)', 'ratio', 'peak RSS MB', 'target', 'met'];
	const lines = rows.map((r) => [
		r.scenario,
		String(r.requests),
		String(r.floorRequests),
		`${round(r.wallMs.min)} / ${round(r.wallMs.median)} / ${round(r.wallMs.max)}`,
		`${round(r.floorWallMs.min)} / ${round(r.floorWallMs.median)} / ${round(r.floorWallMs.max)}`,
		`${(Math.round(r.ratio * 100) / 100).toFixed(2)}x`,
		String(Math.round(r.peakRssMb)),
		r.target,
		r.met ? 'yes' : 'NO',
	]);
	const table = [
		`| ${header.join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...lines.map((l) => `| ${l.join(' | ')} |`),
	].join('\n');
	const date = new Date().toISOString().slice(0, 10);
	console.log(`Hellotext node benchmark, ${date}, ${machine}, ${RUNS} runs each (median)\n`);
	console.log(table);
	for (const r of rows) if (r.note) console.log(`\n${r.scenario}: ${r.note}`);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/latest.json', JSON.stringify({ date, machine, runs: RUNS, rows }, null, 2));
	console.log('\nwritten: bench/results/latest.json');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
