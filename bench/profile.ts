// Where a bulk scenario's time goes: the node's side of one bench/bulk.ts scenario, run once through
// n8n-core (vm expression engine, the sandbox in this process, as `npm run bench` runs it) under
// V8's CPU profiler, and the functions with the most self time. The profile covers the node's run
// only (not the set-up, seeding or the fetch floor); it is written to bench/results/ for a look in
// Chrome DevTools or VS Code.
//   scripts/with-node24.sh node --import tsx bench/profile.ts "10,000 items"      a scenario, by part of its name
//   scripts/with-node24.sh node --import tsx bench/profile.ts --top FILE.cpuprofile  the summary of a profile
//                                                          written by `node --cpu-prof` (the whole process)
// Options: BENCH_PROFILE_TOP (rows, default 25), BENCH_PROFILE_ITEMS (input items instead of the scenario's).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

import { Expression } from 'n8n-workflow';

import { Engine } from '../test/support/engine';
import { createSandbox } from '../test/sandbox/index.ts';
import { bulkScenarios } from './bulk.ts';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples?: number[];
	timeDeltas?: number[];
}

const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);

/** Where a script is, shortly: the package under node_modules, else the path inside the repository. */
function whereOf(url: string): string {
	if (!url) return '(native / V8)';
	const file = url.replace(/^file:\/\//, '');
	const modules = file.lastIndexOf('node_modules/');
	if (modules >= 0) {
		const rest = file.slice(modules + 'node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (file.startsWith('node:')) return file;
	return path.relative(process.cwd(), file);
}

/** Self time per function and per package or file, in ms, largest first. */
export function summarize(profile: CpuProfile, top = TOP): string {
	const totalMs = (profile.endTime - profile.startTime) / 1000;
	// Each sample's time is the delta to the next one (as DevTools counts it).
	const selfMs = new Map<number, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < samples.length; i++) {
		const ms = (deltas[i + 1] ?? 0) / 1000;
		selfMs.set(samples[i], (selfMs.get(samples[i]) ?? 0) + ms);
	}
	const byFunction = new Map<string, { ms: number; where: string }>();
	const byPlace = new Map<string, number>();
	for (const node of profile.nodes) {
		const ms = selfMs.get(node.id) ?? 0;
		if (!ms) continue;
		const { functionName, url, lineNumber } = node.callFrame;
		const where = whereOf(url);
		const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`;
		const entry = byFunction.get(key) ?? { ms: 0, where };
		entry.ms += ms;
		byFunction.set(key, entry);
		byPlace.set(where, (byPlace.get(where) ?? 0) + ms);
	}
	const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)}%`;
	const lines = [`profiled ${Math.round(totalMs)} ms, ${samples.length} samples`, '', `| self ms | share | function  where |`, '|---|---|---|'];
	for (const [key, { ms }] of [...byFunction].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
		lines.push(`| ${Math.round(ms)} | ${pct(ms)} | ${key.replace(/\|/g, '\\|')} |`);
	}
	lines.push('', '| self ms | share | package or file |', '|---|---|---|');
	for (const [where, ms] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, Math.min(top, 15))) {
		lines.push(`| ${Math.round(ms)} | ${pct(ms)} | ${where} |`);
	}
	return lines.join('\n');
}

async function profileScenario(name: string) {
	await Expression.initExpressionEngine({ engine: 'vm', poolSize: 1, maxCodeCacheSize: 1024, bridgeTimeout: 5000, bridgeMemoryLimit: 128 } as never);
	const sb = createSandbox('bench-token');
	await sb.start(0);
	try {
		const engine = new Engine({ baseUrl: sb.url, token: sb.token });
		const matching = bulkScenarios(sb).filter((scenario) => scenario.scenario.includes(name) || `${(scenario.items ?? 1000).toLocaleString('en')} items: ${scenario.scenario}`.includes(name));
		if (matching.length === 0) throw new Error(`no bulk scenario's name contains "${name}"`);
		const bulk = matching.find((scenario) => scenario.responsiveness) ?? matching[0];
		const count = Number(process.env.BENCH_PROFILE_ITEMS ?? bulk.items ?? 1000);
		sb.reset();
		const items = bulk.seed(count);
		sb.latencyMs = bulk.latencyMs ?? 0;
		// One run first, so that the profile shows the steady state rather than the first compilation.
		await engine.run(bulk.parameters, items.slice(0, 50));
		sb.reset();
		const fresh = bulk.seed(count);
		sb.latencyMs = bulk.latencyMs ?? 0;
		const session = new Session();
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: 500 });
		await session.post('Profiler.start');
		const started = performance.now();
		const run = await engine.run(bulk.parameters, fresh);
		const ms = performance.now() - started;
		const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
		session.disconnect();
		if (run.error) throw run.error;
		mkdirSync('bench/results', { recursive: true });
		const file = path.join('bench/results', `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
		writeFileSync(file, JSON.stringify(profile));
		console.log(`${count.toLocaleString('en')} items: ${bulk.scenario}: ${Math.round(ms)} ms, ${sb.requests.length} requests, ${run.items.length} items out`);
		console.log(`profile: ${file}\n`);
		console.log(summarize(profile));
	} finally {
		await sb.stop();
	}
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const done =
		args[0] === '--top'
			? Promise.resolve(console.log(summarize(JSON.parse(readFileSync(args[1], 'utf8')) as CpuProfile)))
			: profileScenario(args[0] ?? '10,000 items');
	done.catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
