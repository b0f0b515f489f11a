// `npm run bench`: what the node costs against the floor, through the real n8n-core engine and
// the sandbox on loopback. The floor of each scenario is a plain `fetch` loop making the same
// requests, measured in the same run. Prints a table and writes bench/results/latest.json.
// Expressions are evaluated by n8n 2.x's default `vm` engine (an isolate), as in production.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { Expression, type IDataObject } from 'n8n-workflow';

import { HellotextTrigger } from '../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { Engine } from '../test/support/engine';
import { createSandbox, type HellotextSandbox } from '../test/sandbox/index.ts';
import { seedProfiles } from '../test/sandbox/seed.ts';
import { pinnedN8nVersion } from '../test/support/process.ts';
import { benchBulk, bulkScenarios } from './bulk.ts';
import { PollSession, repeatSideBySide, stats, timed, TRIGGER, type Row } from './measure.ts';
import { benchRealN8n, realN8nTable, type RealN8nRow } from './realN8n.ts';
import { benchTriggerBacklog } from './triggerBacklog.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * The machine's 1-minute load average, sampled every 10 s over the whole bench: on a shared
 * machine other processes' work shows in every wall time (and in the event-loop gaps), this says how much.
 */
const loadSamples: number[] = [loadavg()[0]];
const loadSampler = setInterval(() => loadSamples.push(loadavg()[0]), 10_000);
loadSampler.unref();

const round = (n: number) => Math.round(n * 10) / 10;
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
	const listParams = (extra: IDataObject) => ({ resource: 'profile', operation: 'getAll', profileFilters: { lastName: 'Bench' }, ...extra });

	// 1. Return All over 1,000 and 10,000 profiles.
	for (const size of [1_000, 10_000]) {
		sb.reset();
		seedProfiles(sb, size);
		const { node, floor } = await repeatSideBySide(
			RUNS,
			async () => countRequests(async () => await engine.run(listParams({ returnAll: true }))),
			async () => await floorList(sb, Number.POSITIVE_INFINITY),
		);
		const items = node.last.value.items.length;
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
		const { node, floor } = await repeatSideBySide(
			RUNS,
			async () => countRequests(async () => await engine.run(listParams({ returnAll: false, limit }))),
			async () => await floorList(sb, limit),
		);
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
	const { node: idle, floor: idleFloor } = await repeatSideBySide(
		RUNS,
		async () => countRequests(async () => await session.poll()),
		async () => {
			await fetch(`${sb.url}/v1/attribution/events?limit=100`, { headers: { authorization: `Bearer ${sb.token}` } }).then((r) => r.json());
			return 1;
		},
	);
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
	for (const bulk of bulkScenarios(sb)) rows.push(await benchBulk(engine, sb, bulk, RUNS));

	rows.push(await benchTriggerBacklog(engine, sb, RUNS));
	await sb.stop();

	// 5. The same work in a real n8n (the pinned one), beside n8n's HTTP Request node.
	const inN8n = process.env.BENCH_SKIP_N8N
		? []
		: await benchRealN8n({ runs: RUNS, log: (line) => console.error(`[n8n] ${line}`) });
	report(rows, inN8n);
}

function report(rows: Row[], inN8n: RealN8nRow[]) {
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
	loadSamples.push(loadavg()[0]);
	const load = stats(loadSamples);
	const loadLine = `load average (1 min) during the bench, min / median / max: ${load.min.toFixed(1)} / ${load.median.toFixed(1)} / ${load.max.toFixed(1)} on ${cpus().length} cores`;
	console.log(`Hellotext node benchmark, ${date}, ${machine}, ${RUNS} runs each (median); ${loadLine}\n`);
	console.log(table);
	for (const r of rows) if (r.note) console.log(`\n${r.scenario}: ${r.note}`);
	if (inN8n.length > 0) {
		console.log(`\nIn n8n ${pinnedN8nVersion()} (n8n execute), side by side with n8n's HTTP Request node, runs interleaved:\n`);
		console.log(realN8nTable(inN8n));
		for (const r of inN8n) if (r.note) console.log(`\n${r.scenario} (vs ${r.httpAuth}): ${r.note}`);
	}
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/latest.json', JSON.stringify({ date, machine, load, runs: RUNS, rows, inN8n }, null, 2));
	console.log('\nwritten: bench/results/latest.json');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
