// `npm run test:queue`: the package on n8n's distributed setup, for real, on loopback.
// PostgreSQL and Redis (Debian's packages, throwaway instances), the pinned n8n as one main instance
// and two workers in queue mode, the packed package installed as a community package on each, and
// three sandboxes as the Hellotext API (one per scenario, so each scenario's figures are its own).
//   A. An active workflow, Hellotext Trigger (new events, polling every 5 s) -> Profile > Create
//      with the event id: 1,000 events tracked in bursts, the main instance stopped and restarted
//      in the middle with one burst arriving while it is down. Every event must reach the API
//      exactly once, every execution must run on a worker, and the trigger's position must come
//      back from PostgreSQL.
//   B. A webhook -> Code (1,000 items) -> Profile > Create with expressions, on a worker: 1,000
//      profiles created once, with at most the node's bound (5) of requests in flight.
//   C. The large run (issue 18): the same with 20,000 items and a sandbox answering at once, on a
//      worker with n8n's default job lock (60 s): every profile created exactly once, the
//      execution's status sampled every 200 ms never anything but queued, running or successful
//      (successful at the end), no line of any instance's log and no event of the queue's Redis
//      saying "stalled", the worker answering its health check within 30 s throughout; the
//      worker's time (wall and CPU) and its slowest health-check answer are reported.
// Prints one summary line and exits non-zero on any miss. On a miss, or with QUEUE_TEST_KEEP=1, it
// keeps the temporary folder (n8n logs, PostgreSQL data, the sandboxes' request logs).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import {
	freePorts,
	installPackedPackage,
	installPinnedN8n,
	logTail,
	readLog,
	sleep,
	startSandbox,
	waitFor,
	type SandboxProcess,
	writeN8nImports,
} from '../support/process.ts';
import {
	cli,
	executionsFinishedBy,
	executionsStartedBy,
	mainInstance,
	startInstance,
	stopInstance,
	workerInstance,
	type Cluster,
	type Instance,
} from './n8n.ts';
import {
	cleanup,
	elapsedSeconds,
	ensureBinaries,
	log,
	onCleanup,
	startPostgres,
	startRedis,
	subscribeRedis,
	type Binaries,
	type Postgres,
} from './services.ts';
import { cpuSeconds, describeRuns, healthDuring, stallLines, statusProblem, statusRuns, watchHealth, watchStatus, type Sampler } from './watch.ts';
import {
	BULK,
	expectedProfiles,
	LARGE,
	POLL_EVERY_SECONDS,
	profilesWorkflow,
	TRIGGER_NODE,
	TRIGGER_WORKFLOW_ID,
	triggerWorkflow,
	type Credential,
	type ProfilesRun,
} from './workflows.ts';

const EVENT_ACTION = 'queue.tested';
const BURSTS = 10;
const BURST_SIZE = 100;
const BURST_GAP_MS = 3_000;
/** This burst is tracked while the main instance is down. */
const DOWN_BURST = 6;
/** How long main stays down after that burst: longer than a poll interval, so polls are missed. */
const DOWN_EXTRA_MS = POLL_EVERY_SECONDS * 1000 + 2_000;
/** After everything arrived, wait this long (two polls) for a late duplicate to show. */
const SETTLE_MS = 2 * POLL_EVERY_SECONDS * 1000 + 1_000;
/** The node's default bound on requests in flight per execution (Options > Max Requests in Flight). */
const IN_FLIGHT_BOUND = 5;
/** Sandbox B answers after this long, so requests overlap and the bound is what limits them. */
const BULK_LATENCY_MS = 100;

interface Position {
	id?: string;
	createdAt?: number;
}

interface Execution {
	id: string;
	workflowId: string;
	status: string;
	/** Epoch ms; NaN while unset. */
	startedAt: number;
	stoppedAt: number;
}

const failures: string[] = [];
const check = (ok: boolean, failure: string) => {
	if (!ok) failures.push(failure);
	return ok;
};

/** How often each value occurs more than once, and which expected ones never occur. */
function tally(expected: string[], seen: string[]) {
	const counts = new Map<string, number>();
	for (const value of seen) counts.set(value, (counts.get(value) ?? 0) + 1);
	const missing = expected.filter((value) => !counts.has(value));
	const duplicated = [...counts].filter(([, count]) => count > 1).map(([value]) => value);
	const duplicates = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
	const expectedSet = new Set(expected);
	const unexpected = [...counts.keys()].filter((value) => !expectedSet.has(value));
	return { missing, duplicates, duplicated, unexpected };
}

// ---- what n8n keeps in PostgreSQL ---------------------------------------------------------------

/** The trigger's saved position: workflow static data, in the workflow's database row. */
async function triggerPosition(pg: Postgres): Promise<Position | undefined> {
	const [row] = await pg.query(`SELECT "staticData" FROM workflow_entity WHERE id = '${TRIGGER_WORKFLOW_ID}'`);
	if (!row) return undefined;
	const staticData = JSON.parse(row) as Record<string, { position?: Position }> | null;
	return staticData?.[`node:${TRIGGER_NODE}`]?.position;
}

async function executions(pg: Postgres): Promise<Execution[]> {
	const epochMs = (column: string) => `extract(epoch from "${column}") * 1000`;
	const rows = await pg.query(`SELECT id, "workflowId", status, ${epochMs('startedAt')}, ${epochMs('stoppedAt')} FROM execution_entity ORDER BY id`);
	return rows.map((row) => {
		const [id, workflowId, status, startedAt, stoppedAt] = row.split('\t');
		return { id, workflowId, status, startedAt: Number(startedAt || NaN), stoppedAt: Number(stoppedAt || NaN) };
	});
}

const UNFINISHED = ['new', 'running', 'waiting', 'unknown'];

async function allFinished(pg: Postgres, workflowId: string, atLeast = 1): Promise<true | undefined> {
	const own = (await executions(pg)).filter((execution) => execution.workflowId === workflowId);
	return own.length >= atLeast && own.every((execution) => !UNFINISHED.includes(execution.status)) ? true : undefined;
}

// ---- setup ------------------------------------------------------------------------------------------

interface Setup {
	work: string;
	binaries: Binaries;
	pg: Postgres;
	cluster: Cluster;
	main: Instance;
	workers: Instance[];
	events: SandboxProcess;
	bulk: SandboxProcess;
	large: SandboxProcess;
}

async function setUp(work: string): Promise<Setup> {
	const binaries = await ensureBinaries();
	log('n8n: the pinned version, as npm run dev installs it (once, into the cache)...');
	const { dir: n8nDir } = await installPinnedN8n();

	const [postgresPort, redisPort, mainPort, mainBroker, ...workerPorts] = await freePorts(8);
	log(`PostgreSQL on 127.0.0.1:${postgresPort}, Redis on 127.0.0.1:${redisPort}...`);
	const pg = await startPostgres(binaries.postgres, path.join(work, 'postgres'), postgresPort);
	await startRedis(binaries.redisServer, path.join(work, 'redis'), redisPort);
	const sandbox = async (name: string, latencyMs = 0) => {
		const started = await startSandbox({ name: `sandbox ${name}`, token: `${name}-token`, logFile: path.join(work, `sandbox-${name}.log`), latencyMs });
		onCleanup(`sandbox ${name}`, started.stop);
		return started;
	};
	const events = await sandbox('events');
	const bulk = await sandbox('bulk', BULK_LATENCY_MS);
	const large = await sandbox('large');

	const cluster: Cluster = { n8nDir, encryptionKey: randomBytes(24).toString('hex'), postgresPort, redisPort };
	const main = mainInstance(cluster, work, { http: mainPort, broker: mainBroker });
	const workers = [1, 2].map((n) =>
		workerInstance(cluster, work, `worker${n}`, { health: workerPorts[2 * (n - 1)], broker: workerPorts[2 * (n - 1) + 1] }),
	);
	log('installing the packed package into the main instance and both workers...');
	const instances = [main, ...workers];
	await installPackedPackage(instances.map((instance) => instance.userFolder));

	// The credentials and workflows, imported and published before n8n starts, as a deployment would.
	const credential = (id: string, name: string, sandbox: SandboxProcess): Credential => ({
		id,
		name,
		data: { token: sandbox.token, baseUrl: sandbox.url },
	});
	const eventsCredential = credential('queueTestEventsC', 'Hellotext events sandbox', events);
	const bulkCredential = credential('queueTestBulkCre', 'Hellotext bulk sandbox', bulk);
	const largeCredential = credential('queueTestLargeCr', 'Hellotext large-run sandbox', large);
	const imports = writeN8nImports(
		path.join(work, 'import'),
		[eventsCredential, bulkCredential, largeCredential].map((c) => ({ ...c, type: 'hellotextApi' })),
		[triggerWorkflow(eventsCredential), profilesWorkflow(BULK, bulkCredential), profilesWorkflow(LARGE, largeCredential)],
	);
	log('importing the credentials and workflows, publishing the workflows...');
	await cli(cluster, main, imports.credentials);
	await cli(cluster, main, imports.workflows);
	await Promise.all([TRIGGER_WORKFLOW_ID, BULK.workflowId, LARGE.workflowId].map((id) => cli(cluster, main, ['publish:workflow', `--id=${id}`])));

	log('starting the main instance...');
	await startInstance(cluster, main);
	// On activation the trigger records where the event stream stands; events after that are new.
	await waitFor('the trigger to record its first position', async () => ((await triggerPosition(pg)) ? true : undefined), {
		timeoutMs: 120_000,
		whileRunning: main.proc,
		intervalMs: 500,
	});
	log('starting 2 workers...');
	for (const worker of workers) await startInstance(cluster, worker);
	return { work, binaries, pg, cluster, main, workers, events, bulk, large };
}

// ---- Scenario A: trigger -> action on workers, with a main restart --------------------------------

interface TriggerResult {
	events: number;
	missing: number;
	duplicates: number;
	downSeconds: number;
	trackedWhileDown: number;
	positionWhileDown?: Position;
}

async function scenarioTrigger({ pg, cluster, main, events }: Setup): Promise<TriggerResult> {
	await events.request('POST', '/v1/attribution/actions', { name: EVENT_ACTION });
	let tracked = 0;
	const track = async (count: number) => {
		for (let i = 0; i < count; i++) {
			await events.request('POST', '/v1/attribution/events', { action: EVENT_ACTION, session: `queue-session-${tracked++}` });
		}
	};
	const eventIds = async () => (await events.objects<{ id: string }>('events')).map((event) => event.id);
	const delivered = async () => (await events.objects<{ first_name: string | null }>('profiles')).map((profile) => String(profile.first_name));

	let downSeconds = 0;
	let whileDown: string[] = [];
	let positionWhileDown: Position | undefined;
	for (let burst = 1; burst <= BURSTS; burst++) {
		if (burst !== DOWN_BURST) {
			await track(BURST_SIZE);
			log(`A: burst ${burst}/${BURSTS} tracked (${tracked} events); ${(await delivered()).length} delivered so far`);
			await sleep(BURST_GAP_MS);
			continue;
		}
		const positionBefore = await triggerPosition(pg);
		const trackedBefore = await eventIds();
		log('A: stopping the main instance...');
		const stoppedAt = Date.now();
		await stopInstance(main);
		positionWhileDown = await triggerPosition(pg);
		await track(BURST_SIZE);
		whileDown = (await eventIds()).slice(trackedBefore.length);
		log(`A: burst ${burst}/${BURSTS} tracked while main is down (${tracked} events); position in PostgreSQL: event ${positionWhileDown?.id}`);
		await sleep(DOWN_EXTRA_MS);
		log('A: starting the main instance again...');
		await startInstance(cluster, main);
		downSeconds = (Date.now() - stoppedAt) / 1000;
		check(
			!!positionWhileDown?.id && trackedBefore.includes(positionWhileDown.id),
			`restart: the position in PostgreSQL while main was down (${JSON.stringify(positionWhileDown)}) is not an event tracked before the stop`,
		);
		check(
			(positionWhileDown?.createdAt ?? -1) >= (positionBefore?.createdAt ?? 0),
			`restart: the position went back while main stopped (${JSON.stringify(positionBefore)} -> ${JSON.stringify(positionWhileDown)})`,
		);
	}

	const ids = await eventIds();
	log(`A: ${ids.length} events tracked; waiting for every one to reach the sandbox...`);
	// A miss here is counted below (missing events, failed executions), not thrown.
	await waitFor('every event to reach the sandbox', async () => ((await delivered()).length >= ids.length ? true : undefined), {
		timeoutMs: 300_000,
		whileRunning: main.proc,
		intervalMs: 1_000,
	}).catch((error: Error) => log(`A: ${error.message}`));
	await waitFor('the trigger workflow executions to finish', () => allFinished(pg, TRIGGER_WORKFLOW_ID), { timeoutMs: 120_000, intervalMs: 1_000 });
	await sleep(SETTLE_MS);
	await waitFor('the trigger workflow executions to finish', () => allFinished(pg, TRIGGER_WORKFLOW_ID), { timeoutMs: 120_000, intervalMs: 1_000 });

	const seen = await delivered();
	const { missing, duplicates, duplicated, unexpected } = tally(ids, seen);
	check(ids.length === BURSTS * BURST_SIZE, `A: ${ids.length} events tracked, not ${BURSTS * BURST_SIZE}`);
	check(missing.length === 0, `A: ${missing.length} events never reached the sandbox (e.g. ${missing.slice(0, 5).join(', ')})`);
	check(duplicates === 0, `A: ${duplicates} duplicate deliveries, of events ${duplicated.map((id) => `${id} (#${ids.indexOf(id) + 1})`).slice(0, 12).join(', ')}`);
	check(unexpected.length === 0, `A: profiles that are no event: ${unexpected.slice(0, 5).join(', ')}`);
	const lostWhileDown = tally(whileDown, seen).missing;
	check(whileDown.length === BURST_SIZE && lostWhileDown.length === 0, `A: of the ${whileDown.length} events tracked while main was down, ${lostWhileDown.length} never arrived`);
	const finalPosition = await triggerPosition(pg);
	check(finalPosition?.id === ids[ids.length - 1], `A: the trigger's final position ${JSON.stringify(finalPosition)} is not the newest event ${ids[ids.length - 1]}`);
	return { events: ids.length, missing: missing.length, duplicates, downSeconds, trackedWhileDown: whileDown.length, positionWhileDown };
}

// ---- Scenario B: 1,000 profiles from a webhook, on a worker ----------------------------------------

interface BulkResult {
	created: number;
	missing: number;
	duplicates: number;
	posts: number;
	peakInFlight: number;
}

/** The profiles a sandbox stored against what `run` must create: each once, nothing else. */
async function profilesCreated(run: ProfilesRun, sandbox: SandboxProcess) {
	const expected = expectedProfiles(run);
	const profiles = await sandbox.objects<{ first_name: string | null; emails: string[] }>('profiles');
	const key = (name: unknown, email: unknown) => `${String(name)} <${String(email)}>`;
	const counted = tally(
		expected.map((p) => key(p.first_name, p.email)),
		profiles.map((p) => key(p.first_name, p.emails.join(','))),
	);
	const stats = await sandbox.stats();
	return { expected: expected.length, stored: profiles.length, ...counted, stats, posts: stats.routes['POST /v1/profiles'] ?? 0 };
}

/** Checks that `run` created its profiles, each once, with one successful POST each. */
function checkProfiles(scenario: string, created: Awaited<ReturnType<typeof profilesCreated>>) {
	const { expected, stored, missing, duplicates, unexpected, stats, posts } = created;
	check(stored === expected && missing.length === 0 && duplicates === 0 && unexpected.length === 0,
		`${scenario}: ${stored} profiles stored, ${missing.length} missing (e.g. ${missing.slice(0, 3).join('; ')}), ${duplicates} duplicates, ${unexpected.length} unexpected (e.g. ${unexpected.slice(0, 3).join('; ')})`);
	check(posts === expected && stats.requests === expected && stats.statuses['200'] === expected,
		`${scenario}: the sandbox answered ${JSON.stringify({ routes: stats.routes, statuses: stats.statuses })}: not ${expected} creates, each once, each 200`);
}

async function callWebhook(scenario: string, main: Instance, run: ProfilesRun) {
	const response = await fetch(`http://127.0.0.1:${main.port}/webhook/${run.webhookPath}`, { method: 'POST' });
	check(response.ok, `${scenario}: the webhook answered ${response.status}: ${await response.text()}`);
}

async function scenarioBulk({ pg, main, bulk }: Setup): Promise<BulkResult> {
	log('B: calling the webhook...');
	await callWebhook('B', main, BULK);
	await waitFor('the bulk execution to finish', () => allFinished(pg, BULK.workflowId), { timeoutMs: 900_000, intervalMs: 2_000 });
	const created = await profilesCreated(BULK, bulk);
	checkProfiles('B', created);
	const { peakInFlight } = created.stats;
	check(peakInFlight <= IN_FLIGHT_BOUND, `B: ${peakInFlight} requests in flight at once, over the bound ${IN_FLIGHT_BOUND}`);
	// With the sandbox's latency, requests overlap: a peak of 1 would mean the bound was never tested.
	check(peakInFlight >= 2, `B: at most ${peakInFlight} request in flight: the bound was never reached`);
	return { created: created.stored, missing: created.missing.length, duplicates: created.duplicates, posts: created.posts, peakInFlight };
}

// ---- Scenario C: the large run, 20,000 profiles on a worker with n8n's default lock -------------------

interface LargeResult {
	created: number;
	missing: number;
	duplicates: number;
	posts: number;
	worker: string;
	/** The execution's startedAt to stoppedAt in PostgreSQL (set by the worker). */
	runSeconds: number;
	/** The CPU time (user + system) the worker used for it. */
	workerCpuSeconds: number;
	/** The sandbox's first to last create. */
	createSeconds: number;
	ratePerSecond: number;
	statuses: string;
	statusSamples: number;
	maxHealthMs: number;
	stalled: number;
}

const TERMINAL = ['success', 'error', 'crashed', 'canceled'];
/** Half n8n's default job lock (QUEUE_WORKER_LOCK_DURATION, 60 s). */
const HEALTH_SILENCE_LIMIT_MS = 30_000;

async function scenarioLarge({ work, binaries, pg, cluster, main, workers, large }: Setup): Promise<LargeResult> {
	// Bull announces every job's end (and a job taken for stalled) on Redis: all of it, from now on.
	const redisEvents = path.join(work, 'redis-events.log');
	const subscriber = await subscribeRedis(binaries.redisCli, cluster.redisPort, 'bull:*', redisEvents);
	const health = workers.map((worker) => ({ worker, watch: watchHealth(worker.port) }));
	let status: Sampler<string> | undefined;
	// Stops the sampling (again, if need be: however the run ends, their loops must not keep this process alive).
	const stopWatching = async () => {
		const statuses = ((await status?.stop()) ?? []).map((sample) => sample.value);
		const healthSamples = await Promise.all(health.map(async ({ worker, watch }) => ({ worker, samples: await watch.stop() })));
		await subscriber.stop();
		return { statuses, healthSamples };
	};
	try {
		const executionOf = async () =>
			(await pg.query(`SELECT id FROM execution_entity WHERE "workflowId" = '${LARGE.workflowId}' ORDER BY id LIMIT 1`))[0];
		// The CPU each process uses for the run (the worker's is the part that does not depend on what else the machine runs).
		const cpu = [...workers, main].map((instance) => ({ name: instance.name, pid: instance.proc?.pid })).concat({ name: 'sandbox', pid: large.process.pid });
		const cpuBefore = cpu.map(({ pid }) => cpuSeconds(pid));
		log(`C: calling the webhook (${LARGE.items} items)...`);
		const called = Date.now();
		await callWebhook('C', main, LARGE);
		const id = await waitFor('the large execution to be saved', executionOf, { timeoutMs: 60_000, intervalMs: 50 });
		const watched = (status = watchStatus(pg, id));
		const lastStatus = () => watched.samples[watched.samples.length - 1]?.value;
		const worker = await waitFor('a worker to start the large execution', () => workers.find((w) => executionsStartedBy(w).includes(id)), {
			timeoutMs: 120_000,
			intervalMs: 250,
		});
		log(`C: execution ${id} started on ${worker.name}; waiting for it to finish...`);
		const progress = setInterval(() => void large.stats().then((stats) => log(`C: ${stats.requests} creates so far; status ${lastStatus()}`), () => undefined), 15_000);
		try {
			await waitFor(
				'the large execution to finish',
				() => (executionsFinishedBy(worker).includes(id) && TERMINAL.includes(lastStatus() ?? '') ? true : undefined),
				{ timeoutMs: 30 * 60_000, whileRunning: worker.proc, intervalMs: 250 },
			);
		} finally {
			clearInterval(progress);
		}
		// Main's word on it ("Execution 9 (job 9) finished"), then a little longer, for a late change of status.
		const jobId = new RegExp(`Enqueued execution ${id} \\(job (\\d+)\\)`).exec(readLog(main.logFile))?.[1];
		const mainFinished = new RegExp(`Execution ${id} \\(job \\d+\\) finished`);
		await waitFor("main's line on the large execution's end", () => (mainFinished.test(readLog(main.logFile)) ? true : undefined), {
			timeoutMs: 60_000,
			intervalMs: 250,
		}).catch((error: Error) => check(false, `C: ${error.message}`));
		const cpuUsed = cpu.map(({ name, pid }, i) => ({ name, seconds: cpuSeconds(pid) - cpuBefore[i] }));
		await sleep(3_000);
		const { statuses, healthSamples } = await stopWatching();

		// Every profile once, one POST each.
		const created = await profilesCreated(LARGE, large);
		checkProfiles('C', created);

		// The status at every sample.
		const problem = statusProblem(statuses);
		check(!problem, `C: execution ${id}: ${problem} (${describeRuns(statusRuns(statuses))})`);
		check(statuses.length >= 20, `C: only ${statuses.length} status samples`);

		// The logs read are the instances' own output: each says what it did with this execution.
		const starts = workers.flatMap((w) => executionsStartedBy(w).filter((started) => started === id).map(() => w.name));
		check(starts.length === 1, `C: execution ${id} started ${starts.length} times (${starts.join(', ')}), not once`);
		check(!!jobId, `C: main's log has no "Enqueued execution ${id} (job ...)"`);
		check(!!jobId && new RegExp(`:completed\\n[^\\n]*"jobId":"${jobId}"`).test(readLog(redisEvents)), `C: Redis never announced job ${jobId} completed (${redisEvents})`);
		const stalled = stallLines([main, ...workers].map((instance) => ({ name: instance.name, file: instance.logFile })).concat({ name: 'Redis events', file: redisEvents }));
		check(stalled.length === 0, `C: ${stalled.length} lines say "stalled":\n  ${stalled.slice(0, 10).join('\n  ')}`);

		// The worker's time, and how long it kept its health check waiting while it ran.
		const execution = (await executions(pg)).find((e) => e.id === id)!;
		const requests = (await large.requests()) as Array<{ method: string; path: string; at: number | null }>;
		const arrivals = requests.filter((r) => r.method === 'POST' && r.path === '/v1/profiles' && r.at !== null).map((r) => r.at!);
		arrivals.sort((x, y) => x - y);
		const createSeconds = arrivals.length ? (arrivals[arrivals.length - 1] - arrivals[0]) / 1000 : NaN;
		// Creates per second in each quarter of the run: a rate falling as the run goes on would be work growing with the items done.
		const quarter = Math.floor(arrivals.length / 4);
		const rates = [0, 1, 2, 3].map((q) => (quarter > 1 ? (quarter - 1) / ((arrivals[(q + 1) * quarter - 1] - arrivals[q * quarter]) / 1000) : NaN));
		const during = healthSamples.map(({ worker: w, samples }) => ({ worker: w, ...healthDuring(samples, execution.startedAt, execution.stoppedAt) }));
		const ran = during.find((d) => d.worker === worker)!;
		const describe = (d: (typeof during)[number]) =>
			`${d.worker.name}${d.worker === worker ? ' (ran it)' : ' (idle)'}: slowest ${d.maxMs.toFixed(0)} ms at ${d.maxAtSeconds.toFixed(0)}s, ${d.overOneSecond} of ${d.count} over 1 s, ${d.failed} failed`;
		check(ran.count > 0 && ran.failed === 0, `C: ${worker.name}'s health check: ${describe(ran)}`);
		// The lock is renewed every 10 s and lasts 60 s: a loop blocked for half of that is a warning well before the lock is lost.
		check(ran.maxMs < HEALTH_SILENCE_LIMIT_MS, `C: ${worker.name} did not answer its health check for ${(ran.maxMs / 1000).toFixed(1)} s (limit ${HEALTH_SILENCE_LIMIT_MS / 1000} s)`);
		const runSeconds = (execution.stoppedAt - execution.startedAt) / 1000;
		const workerCpu = cpuUsed.find((used) => used.name === worker.name)!.seconds;
		const cpuText = cpuUsed.map(({ name, seconds }) => `${name} ${seconds.toFixed(1)} s`).join(', ');
		const load = loadavg().map((average) => average.toFixed(1)).join(' ');
		log(
			`C: execution ${id} on ${worker.name}: ${runSeconds.toFixed(1)} s (webhook to stop ${((execution.stoppedAt - called) / 1000).toFixed(1)} s); ` +
				`creates/s by quarter ${rates.map((rate) => rate.toFixed(0)).join(', ')}; CPU ${cpuText} (load average ${load}); status ${describeRuns(statusRuns(statuses))}; health ${during.map(describe).join('; ')}`,
		);
		return {
			created: created.stored,
			missing: created.missing.length,
			duplicates: created.duplicates,
			posts: created.posts,
			worker: worker.name,
			runSeconds,
			workerCpuSeconds: workerCpu,
			createSeconds,
			ratePerSecond: arrivals.length / createSeconds,
			statuses: describeRuns(statusRuns(statuses)),
			statusSamples: statuses.length,
			maxHealthMs: ran.maxMs,
			stalled: stalled.length,
		};
	} finally {
		await stopWatching();
	}
}

// ---- where the executions ran ---------------------------------------------------------------------

async function placement(setup: Setup) {
	const all = await executions(setup.pg);
	const byWorker = setup.workers.map((worker) => ({ worker: worker.name, ids: new Set(executionsStartedBy(worker)) }));
	const perWorker = (workflowId: string) =>
		byWorker.map(({ worker, ids }) => `${worker} ${all.filter((e) => e.workflowId === workflowId && ids.has(e.id)).length}`).join(', ');
	const elsewhere = all.filter((execution) => !byWorker.some(({ ids }) => ids.has(execution.id)));
	const twice = all.filter((execution) => byWorker.filter(({ ids }) => ids.has(execution.id)).length > 1);
	const failed = all.filter((execution) => execution.status !== 'success');
	check(elsewhere.length === 0, `executions not run by a worker: ${elsewhere.map((e) => e.id).join(', ')}`);
	check(twice.length === 0, `executions run by both workers: ${twice.map((e) => e.id).join(', ')}`);
	check(failed.length === 0, `executions that did not succeed: ${failed.map((e) => `${e.id} (${e.status})`).join(', ')}`);
	// Executions of the trigger workflow that ran at the same time on different workers.
	const triggerRuns = all.filter((e) => e.workflowId === TRIGGER_WORKFLOW_ID);
	const workerOf = (execution: Execution) => byWorker.find(({ ids }) => ids.has(execution.id))?.worker;
	let overlapping = 0;
	for (const [i, a] of triggerRuns.entries()) {
		for (const b of triggerRuns.slice(i + 1)) {
			if (workerOf(a) !== workerOf(b) && a.startedAt < b.stoppedAt && b.startedAt < a.stoppedAt) overlapping++;
		}
	}
	return {
		triggerExecutions: triggerRuns.length,
		triggerPerWorker: perWorker(TRIGGER_WORKFLOW_ID),
		overlapping,
		bulkOn: byWorker
			.filter(({ ids }) => all.some((e) => e.workflowId === BULK.workflowId && ids.has(e.id)))
			.map(({ worker }) => worker)
			.join(', '),
		elsewhere: elsewhere.length,
	};
}

// ---- the run ------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const work = mkdtempSync(path.join(tmpdir(), 'hellotext-queue-'));
	// PostgreSQL runs as its own user and must reach its folder inside.
	chmodSync(work, 0o755);
	let keep = process.env.QUEUE_TEST_KEEP === '1';
	onCleanup('temporary folder', async () => {
		if (keep) log(`kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	});
	let setup: Setup | undefined;
	const keepForALook = async () => {
		keep = true;
		for (const [name, sandbox] of Object.entries({ events: setup?.events, bulk: setup?.bulk, large: setup?.large })) {
			if (sandbox) writeFileSync(path.join(work, `sandbox-${name}-requests.json`), JSON.stringify(await sandbox.requests().catch((e) => String(e))));
		}
	};
	try {
		setup = await setUp(work);
		const trigger = await scenarioTrigger(setup);
		const bulk = await scenarioBulk(setup);
		const large = await scenarioLarge(setup);
		const where = await placement(setup);
		const restart = failures.some((failure) => failure.startsWith('restart')) ? 'FAILED' : 'ok';
		const summary =
			`test:queue ${failures.length ? 'FAIL' : 'PASS'}: ` +
			`A trigger: ${trigger.events} events, ${trigger.missing} missing, ${trigger.duplicates} duplicates; ` +
			`${where.triggerExecutions} executions on workers (${where.triggerPerWorker}; ${where.overlapping} pairs at the same time on both), ${where.elsewhere} elsewhere; ` +
			`restart ${restart} (main down ${trigger.downSeconds.toFixed(0)}s, ${trigger.trackedWhileDown} events tracked meanwhile, position kept in PostgreSQL at ${trigger.positionWhileDown?.id}) | ` +
			`B bulk: ${bulk.created} profiles created, ${bulk.missing} missing, ${bulk.duplicates} duplicates, ${bulk.posts} POSTs, peak ${bulk.peakInFlight} in flight (bound ${IN_FLIGHT_BOUND}) on ${where.bulkOn} | ` +
			`C large: ${large.created} profiles created, ${large.missing} missing, ${large.duplicates} duplicates, ${large.posts} POSTs; ` +
			`${large.worker} ran it in ${large.runSeconds.toFixed(0)}s, ${large.workerCpuSeconds.toFixed(0)}s of CPU (creates over ${large.createSeconds.toFixed(0)}s, ${large.ratePerSecond.toFixed(0)}/s); ` +
			`status ${large.statuses} (${large.statusSamples} samples); health check slowest ${large.maxHealthMs.toFixed(0)} ms; ${large.stalled} lines say "stalled" | ` +
			`wall ${elapsedSeconds().toFixed(0)}s`;
		for (const failure of failures) process.stderr.write(`FAIL ${failure}\n`);
		if (failures.length) await keepForALook();
		process.stdout.write(`${summary}\n`);
		return failures.length ? 1 : 0;
	} catch (error) {
		process.stderr.write(`\n${(error as Error).message}\n`);
		if (setup) {
			for (const instance of [setup.main, ...setup.workers]) process.stderr.write(`\n--- ${instance.name} log (end) ---\n${logTail(instance.logFile)}\n`);
		}
		for (const failure of failures) process.stderr.write(`FAIL ${failure}\n`);
		await keepForALook();
		process.stdout.write(`test:queue FAIL: ${(error as Error).message.split('\n')[0]} | wall ${elapsedSeconds().toFixed(0)}s\n`);
		return 1;
	} finally {
		log('stopping everything...');
		await cleanup();
	}
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		log(`${signal}: stopping everything...`);
		void cleanup().finally(() => process.exit(130));
	});
}
process.exitCode = await main();
