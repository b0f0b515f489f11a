// What Scenario C (the large run) watches while the execution runs, besides what the sandbox saw:
// the execution's status in PostgreSQL, sampled often enough to catch n8n marking it failed for a
// while (main does when Bull takes the job for stalled, and the worker later overwrites it with
// success); how long each worker takes to answer its health check (the worker server shares the
// event loop with the execution, so its longest silence is the longest the loop was blocked); and
// the lines of the instances' logs and the queue's Redis events that say "stalled".
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { readLog, sleep } from '../support/process.ts';
import type { Postgres } from './services.ts';

export interface Sampler<T> {
	samples: Array<{ at: number; value: T }>;
	/** Ends the sampling (after the sample under way); all the samples. */
	stop(): Promise<Array<{ at: number; value: T }>>;
}

/**
 * Runs `sample` every `everyMs` (after the previous one ended) until stopped; what it returned, with
 * when. A sample that throws is `failed(error)`.
 */
function sampler<T>(sample: () => Promise<T>, failed: (error: Error) => T, everyMs: number): Sampler<T> {
	const samples: Array<{ at: number; value: T }> = [];
	let stopped = false;
	const loop = (async () => {
		while (!stopped) {
			const at = Date.now();
			samples.push({ at, value: await sample().catch(failed) });
			await sleep(everyMs);
		}
	})();
	return {
		samples,
		async stop() {
			stopped = true;
			await loop;
			return samples;
		},
	};
}

// ---- the execution's status ---------------------------------------------------------------------

/** The execution's status in PostgreSQL every `everyMs` ('missing' while it has no row, 'unread' when the query failed). */
export function watchStatus(pg: Postgres, executionId: string, everyMs = 200): Sampler<string> {
	return sampler(
		async () => (await pg.query(`SELECT status FROM execution_entity WHERE id = '${executionId}'`))[0] ?? 'missing',
		() => 'unread',
		everyMs,
	);
}

/** The samples as runs of one status, in order: "new ×3 → running ×410 → success ×25". */
export function statusRuns(statuses: string[]): Array<{ status: string; count: number }> {
	const runs: Array<{ status: string; count: number }> = [];
	for (const status of statuses) {
		const last = runs[runs.length - 1];
		if (last?.status === status) last.count++;
		else runs.push({ status, count: 1 });
	}
	return runs;
}

export const describeRuns = (runs: Array<{ status: string; count: number }>) => runs.map((run) => `${run.status} ×${run.count}`).join(' → ');

/**
 * What is wrong with the sampled statuses, if anything: it must be queued ('new'), then running,
 * then successful, in that order, and nothing else at any sample ('error' or 'crashed' for a while
 * is what a job taken for stalled looks like); the last sample must be 'success'.
 */
export function statusProblem(statuses: string[]): string | undefined {
	const order = ['new', 'running', 'success'];
	const runs = statusRuns(statuses);
	const odd = runs.filter((run) => !order.includes(run.status));
	if (odd.length) return `the execution was ${odd.map((run) => `${run.status} at ${run.count} sample(s)`).join(', ')}`;
	for (let i = 1; i < runs.length; i++) {
		if (order.indexOf(runs[i].status) < order.indexOf(runs[i - 1].status)) return `the status went back from ${runs[i - 1].status} to ${runs[i].status}`;
	}
	if (!runs.some((run) => run.status === 'running')) return 'no sample saw the execution running (the samples are too far apart)';
	if (statuses[statuses.length - 1] !== 'success') return `the last status is ${statuses[statuses.length - 1]}, not success`;
	return undefined;
}

// ---- the workers' health checks -----------------------------------------------------------------

export interface HealthSample {
	/** When the request left (epoch ms). */
	at: number;
	/** How long until the answer, or until it failed. */
	ms: number;
	ok: boolean;
}

/**
 * GET /healthz on a worker (QUEUE_HEALTH_CHECK_ACTIVE=true) one request after the other, `everyMs`
 * apart. The worker answers from the event loop the execution runs on: a request's time is at
 * least how long the loop was busy while it waited.
 */
export function watchHealth(port: number, everyMs = 100): Sampler<{ ms: number; ok: boolean }> {
	return sampler(
		async () => {
			const started = performance.now();
			let ok = false;
			try {
				const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(300_000) });
				await response.arrayBuffer();
				ok = response.ok;
			} catch {
				ok = false;
			}
			return { ms: performance.now() - started, ok };
		},
		() => ({ ms: NaN, ok: false }),
		everyMs,
	);
}

/** The samples overlapping [from, to] (epoch ms): their count, the slowest, and when it was sent (seconds after `from`). */
export function healthDuring(samples: Array<{ at: number; value: { ms: number; ok: boolean } }>, from: number, to: number) {
	const during: HealthSample[] = samples.map(({ at, value }) => ({ at, ...value })).filter((s) => s.at <= to && s.at + s.ms >= from);
	const slowest = during.reduce<HealthSample | undefined>((max, s) => (!max || s.ms > max.ms ? s : max), undefined);
	return {
		count: during.length,
		failed: during.filter((s) => !s.ok).length,
		maxMs: slowest?.ms ?? NaN,
		maxAtSeconds: slowest ? (slowest.at - from) / 1000 : NaN,
		overOneSecond: during.filter((s) => s.ms > 1000).length,
	};
}

// ---- "stalled" in the logs --------------------------------------------------------------------------

/**
 * Every line of these files that says "stalled" (any case), with the file's name. When Bull takes
 * a job for stalled (its lock not renewed in QUEUE_WORKER_LOCK_DURATION), it publishes "job stalled
 * more than maxStalledCount" on bull:jobs:failed; the main instance then waits up to 30 s for the
 * worker's own result, and without one logs, at level error (so at n8n's default level, info, too),
 * "Problem with execution N: This execution failed to be processed too many times..." and
 * "job stalled more than maxStalledCount (execution N)", and marks the execution failed. (A worker
 * that finishes within those 30 s leaves no line in any n8n log: the Redis events and the status
 * samples are the witnesses then.)
 */
export function stallLines(files: Array<{ name: string; file: string }>): string[] {
	return files.flatMap(({ name, file }) =>
		readLog(file)
			.split('\n')
			.filter((line) => /stalled/i.test(line))
			.map((line) => `${name}: ${line.trim().slice(0, 300)}`),
	);
}

// ---- CPU time ---------------------------------------------------------------------------------------

let clockTicks: number | undefined;

/**
 * The CPU time (user + system, in seconds) a process has used so far, from /proc/<pid>/stat
 * (Linux); NaN where there is none. Unlike wall time, it does not grow when other work shares the
 * machine's cores.
 */
export function cpuSeconds(pid: number | undefined): number {
	const file = `/proc/${pid}/stat`;
	if (pid === undefined || !existsSync(file)) return NaN;
	clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	// After the command's name in parentheses: state, ppid, ... utime is the 12th field, stime the 13th.
	const stat = readFileSync(file, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}
