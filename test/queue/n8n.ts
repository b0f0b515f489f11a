// n8n in queue mode for `npm run test:queue`: the pinned n8n that `npm run dev` installs, one main
// instance and workers, each with its own user folder holding the packed package, all sharing one
// encryption key, one PostgreSQL database and one Redis.
import path from 'node:path';

import { n8nEnvironment, readLog, runChecked, startProcess, waitUntilReady, type LongRunningProcess } from '../support/process.ts';
import { log, onCleanup } from './services.ts';

export interface Cluster {
	/** The n8n installation (its node_modules/.bin/n8n). */
	n8nDir: string;
	encryptionKey: string;
	postgresPort: number;
	redisPort: number;
}

export interface Instance {
	name: string;
	role: 'main' | 'worker';
	userFolder: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** main: the editor/API port; worker: the health check port. */
	port: number;
	proc?: LongRunningProcess;
}

/** The environment of this process without n8n's settings, so none leaks in from outside. */
function cleanEnvironment(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(N8N_|DB_|QUEUE_|EXECUTIONS_|WEBHOOK_URL)/.test(key)));
}

/**
 * What every instance must share: the database, the queue, and the key credentials are encrypted
 * with; besides n8n's usual environment with its own user folder.
 */
function sharedEnvironment(cluster: Cluster, userFolder: string): NodeJS.ProcessEnv {
	return {
		...cleanEnvironment(),
		...n8nEnvironment(userFolder),
		N8N_ENCRYPTION_KEY: cluster.encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(cluster.postgresPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		// n8n keeps 2 connections per instance by default; a worker running several executions at
		// once (and a busy main instance) then waits for one, and gives up after 20 s: the execution
		// fails, or the trigger's position is not saved.
		DB_POSTGRESDB_POOL_SIZE: '10',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(cluster.redisPort),
		// Nothing about the job lock (QUEUE_WORKER_LOCK_DURATION, ..._RENEW_TIME, ..._STALLED_INTERVAL)
		// and no log level: the workers run with n8n's defaults (a 60 s lock, level info), which the
		// large run (Scenario C) must pass with. At level debug the main instance logs "Registered
		// rule: queue-worker-max-stalled-count-v2" at startup, which the check for "stalled" would take
		// for a stall; a stall itself is logged at level error (see stallLines in watch.ts).
	};
}

export function mainInstance(cluster: Cluster, dir: string, ports: { http: number; broker: number }): Instance {
	const userFolder = path.join(dir, 'main');
	return {
		name: 'main',
		role: 'main',
		userFolder,
		port: ports.http,
		logFile: path.join(dir, 'main.log'),
		env: {
			...sharedEnvironment(cluster, userFolder),
			NO_COLOR: '1',
			N8N_PORT: String(ports.http),
			// Each instance on a machine needs its own task-broker port (Code nodes run in task runners).
			N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		},
	};
}

export function workerInstance(cluster: Cluster, dir: string, name: string, ports: { health: number; broker: number }): Instance {
	const userFolder = path.join(dir, name);
	return {
		name,
		role: 'worker',
		userFolder,
		port: ports.health,
		logFile: path.join(dir, `${name}.log`),
		env: {
			...sharedEnvironment(cluster, userFolder),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(ports.health),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		},
	};
}

const n8nBin = (cluster: Cluster) => path.join(cluster.n8nDir, 'node_modules/.bin/n8n');

/** An n8n CLI command (import, publish, ...) with the instance's settings. */
export async function cli(cluster: Cluster, instance: Instance, args: string[]): Promise<void> {
	await runChecked(n8nBin(cluster), args, { env: instance.env });
}

/** Starts `n8n start` (main) or `n8n worker` and waits until its readiness endpoint answers. */
export async function startInstance(cluster: Cluster, instance: Instance): Promise<void> {
	const command = instance.role === 'main' ? 'start' : 'worker';
	const proc = startProcess(instance.name, n8nBin(cluster), [command], { env: instance.env, logFile: instance.logFile, log });
	instance.proc = proc;
	onCleanup(instance.name, proc.stop);
	await waitUntilReady(proc, instance.port, 240_000);
}

export async function stopInstance(instance: Instance): Promise<void> {
	await instance.proc?.stop();
}

/** The executions a worker ran, by id, from its log ("Worker started execution 12 (job 7)"); once per start. */
export function executionsStartedBy(instance: Instance): string[] {
	return [...readLog(instance.logFile).matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}

/** The executions a worker finished, by id, from its log ("Worker finished execution 12 (job 7)"). */
export function executionsFinishedBy(instance: Instance): string[] {
	return [...readLog(instance.logFile).matchAll(/Worker finished execution (\d+)/g)].map((match) => match[1]);
}
