// What `npm run test:queue` runs besides n8n: throwaway PostgreSQL and Redis from Debian's
// packages, the progress log, and the list of what to stop at the end. Everything listens on
// 127.0.0.1, on ports free at run time, with its data and logs in one temporary folder. The process
// plumbing (ports, commands, process groups, the sandbox) is test/support/process.ts.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { readLog, runChecked, startProcess, waitFor, type LongRunningProcess } from '../support/process.ts';

const started = Date.now();
export const elapsedSeconds = () => (Date.now() - started) / 1000;
export const log = (message: string) => process.stderr.write(`[queue ${elapsedSeconds().toFixed(0).padStart(4)}s] ${message}\n`);
/** The output of a command that must succeed. */
const run = async (command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) => (await runChecked(command, args, options)).stdout;
const isRoot = process.getuid?.() === 0;

// ---- cleanup ----------------------------------------------------------------------------------

const stops: Array<{ name: string; stop: () => Promise<void> }> = [];

/** Registers how to stop something just started; `cleanup` stops everything, newest first. */
export const onCleanup = (name: string, stop: () => Promise<void>) => stops.push({ name, stop });

export async function cleanup(): Promise<void> {
	for (let entry = stops.pop(); entry; entry = stops.pop()) {
		try {
			await entry.stop();
		} catch (error) {
			log(`could not stop ${entry.name}: ${(error as Error).message}`);
		}
	}
}

// ---- PostgreSQL and Redis from Debian's packages ---------------------------------------------

const DEBIAN_PACKAGES = ['postgresql', 'redis-server'];

function onPath(binary: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/sbin', '/usr/bin')) {
		const candidate = path.join(dir, binary);
		if (dir && existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<major>/bin, off PATH: the newest. */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((major) => existsSync(path.join(root, major, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

export interface Binaries {
	postgres: string;
	redisServer: string;
	/** redis-cli, beside redis-server (Debian's redis-tools, which redis-server depends on). */
	redisCli: string;
}

/**
 * The PostgreSQL and Redis programs. When one is missing: in CI (CI=true, as root) it is installed
 * with apt-get; elsewhere the error says how to install it.
 */
export async function ensureBinaries(): Promise<Binaries> {
	const find = () => ({ postgres: postgresBin(), redisServer: onPath('redis-server'), redisCli: onPath('redis-cli') });
	let found = find();
	const missing = () => DEBIAN_PACKAGES.filter((_, i) => !(i === 0 ? found.postgres : found.redisServer && found.redisCli));
	if (missing().length && process.env.CI === 'true') {
		if (!isRoot) throw new Error(`CI needs root to install ${missing().join(', ')} with apt-get.`);
		log(`installing ${missing().join(', ')} from Debian's packages (CI)...`);
		await run('apt-get', ['update', '-qq']);
		await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing()], {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		found = find();
	}
	if (missing().length) {
		throw new Error(
			`The queue-mode test needs PostgreSQL and Redis from Debian's packages; missing: ${missing().join(', ')}.\n` +
				`Install them with:  sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')}\n` +
				'(The test starts its own throwaway instances; the system services can stay stopped.)',
		);
	}
	return found as Binaries;
}

export interface Postgres {
	port: number;
	/** Runs SQL on the n8n database; rows as tab-separated lines. */
	query: (sql: string) => Promise<string[]>;
}

/**
 * A throwaway PostgreSQL cluster in `dir` on 127.0.0.1:`port`, its socket in `dir` too, with a
 * database `n8n`; trust authentication (loopback only). initdb refuses to run as root, so as root
 * the server runs as the `postgres` user the Debian package creates.
 */
export async function startPostgres(bin: string, dir: string, port: number): Promise<Postgres> {
	mkdirSync(dir, { recursive: true });
	const asPostgres = async (program: string, args: string[]) =>
		isRoot ? await run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]) : await run(path.join(bin, program), args);
	if (isRoot) await run('chown', ['postgres:', dir]);
	const data = path.join(dir, 'data');
	await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
	const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
	await asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
	onCleanup('PostgreSQL', async () => {
		await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
	});
	const psql = (database: string, sql: string) =>
		run(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-F', '\t', '-c', sql]);
	await psql('postgres', 'CREATE DATABASE n8n');
	return {
		port,
		query: async (sql) => (await psql('n8n', sql)).split('\n').filter(Boolean),
	};
}

/** A throwaway Redis on 127.0.0.1:`port`, nothing persisted. */
export async function startRedis(redisServer: string, dir: string, port: number): Promise<void> {
	mkdirSync(dir, { recursive: true });
	const redis = startProcess('Redis', redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
		logFile: path.join(dir, 'redis.log'),
		log,
	});
	onCleanup('Redis', redis.stop);
	await waitFor('Redis', () => (readLog(redis.logFile).includes('Ready to accept connections') ? true : undefined), { timeoutMs: 30_000, whileRunning: redis });
}

/**
 * Everything Redis publishes on channels matching `pattern` from now until stopped, into `logFile`
 * (redis-cli writes each message as it comes: "pmessage", the pattern, the channel, the message).
 * Bull announces a job's end there, e.g. on bull:jobs:completed, and a job it takes for stalled on
 * bull:jobs:failed ("job stalled more than maxStalledCount").
 */
export async function subscribeRedis(redisCli: string, port: number, pattern: string, logFile: string): Promise<LongRunningProcess> {
	const subscriber = startProcess('Redis subscriber', redisCli, ['-h', '127.0.0.1', '-p', String(port), 'PSUBSCRIBE', pattern], { logFile, log, graceMs: 5_000 });
	onCleanup('Redis subscriber', subscriber.stop);
	await waitFor('the Redis subscription', () => (readLog(logFile).startsWith('psubscribe\n') ? true : undefined), { timeoutMs: 10_000, whileRunning: subscriber });
	return subscriber;
}
