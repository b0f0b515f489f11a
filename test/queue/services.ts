// The processes `npm run test:queue` runs: throwaway PostgreSQL and Redis from Debian's packages,
// the sandbox, and the plumbing to start, watch and stop them. Everything listens on 127.0.0.1, on
// ports free at run time, with its data and logs in one temporary folder.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

import { ADMIN_PREFIX } from '../sandbox/server.ts';
import type { SandboxStats } from '../sandbox/admin.ts';

const started = Date.now();
export const elapsedSeconds = () => (Date.now() - started) / 1000;
export const log = (message: string) => process.stderr.write(`[queue ${elapsedSeconds().toFixed(0).padStart(4)}s] ${message}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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

// ---- processes --------------------------------------------------------------------------------

const execFileAsync = promisify(execFile);

/** Runs a command to completion; its output, or an error carrying its stderr. */
export async function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<string> {
	try {
		const { stdout } = await execFileAsync(command, args, { ...options, maxBuffer: 64 * 2 ** 20 });
		return stdout;
	} catch (error) {
		const { stderr, stdout } = error as { stderr?: string; stdout?: string };
		throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${[stdout, stderr].filter(Boolean).join('\n').trim().slice(-4000)}`);
	}
}

export interface Proc {
	name: string;
	child: ChildProcess;
	logFile: string;
	/** Settles with the exit code when the process ends. */
	exited: Promise<number | null>;
	running: () => boolean;
}

/**
 * Starts a long-running process in its own process group (so stopping it also stops what it
 * started, e.g. n8n's task runners), its output appended to `logFile`.
 */
export function start(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string }): Proc {
	const out = openSync(options.logFile, 'a');
	const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: true, stdio: ['ignore', out, out] });
	closeSync(out);
	let running = true;
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', (code) => {
			running = false;
			resolve(code);
		});
		child.on('error', (error) => {
			running = false;
			log(`${name} could not start: ${error.message}`);
			resolve(null);
		});
	});
	return { name, child, logFile: options.logFile, exited, running: () => running };
}

/** SIGTERM to the process group, then SIGKILL if it has not ended after `graceMs`. */
export async function stop(proc: Proc, graceMs = 40_000): Promise<void> {
	if (!proc.running() || proc.child.pid === undefined) return;
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-proc.child.pid!, name);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const ended = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
	if (!ended) {
		log(`${proc.name} did not stop within ${graceMs / 1000}s: killing it`);
		signal('SIGKILL');
		await proc.exited;
	}
}

export const logText = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Polls `check` until it answers something other than undefined; fails when `proc` ends first. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, options: { timeoutMs: number; proc?: Proc; intervalMs?: number }): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (options.proc && !options.proc.running()) {
			throw new Error(`${options.proc.name} exited while waiting for ${what}; its log ends with:\n${tail(options.proc.logFile)}`);
		}
		if (Date.now() > deadline) throw new Error(`Timed out after ${options.timeoutMs / 1000}s waiting for ${what}`);
		await sleep(options.intervalMs ?? 250);
	}
}

export const tail = (file: string, lines = 40) => logText(file).trimEnd().split('\n').slice(-lines).join('\n');

/** `count` distinct ports free on 127.0.0.1 right now (all held open until every one is known). */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from({ length: count }, () => {
			const server = createServer();
			return new Promise<typeof server>((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', () => resolve(server));
			});
		}),
	);
	const ports = servers.map((server) => (server.address() as AddressInfo).port);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
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
}

/**
 * The PostgreSQL and Redis programs. When one is missing: in CI (CI=true, as root) it is installed
 * with apt-get; elsewhere the error says how to install it.
 */
export async function ensureBinaries(): Promise<Binaries> {
	const find = () => ({ postgres: postgresBin(), redisServer: onPath('redis-server') });
	let found = find();
	const missing = () => DEBIAN_PACKAGES.filter((_, i) => !(i === 0 ? found.postgres : found.redisServer));
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
	const redis = start('Redis', redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
		logFile: path.join(dir, 'redis.log'),
	});
	onCleanup('Redis', () => stop(redis));
	await waitFor('Redis', () => (logText(redis.logFile).includes('Ready to accept connections') ? true : undefined), { timeoutMs: 30_000, proc: redis });
}

// ---- the sandbox (test/sandbox/cli.ts) as the Hellotext API ----------------------------------

export type { SandboxStats };

export interface Sandbox {
	url: string;
	token: string;
	request: <T>(method: string, route: string, body?: unknown) => Promise<T>;
	stats: () => Promise<SandboxStats>;
	objects: <T>(collection: string) => Promise<T[]>;
	/** The request log, for a look after a failure. */
	requests: () => Promise<unknown[]>;
}

export async function startSandbox(name: string, root: string, logFile: string, options: { latencyMs?: number } = {}): Promise<Sandbox> {
	const token = `${name}-token`;
	const args = [path.join(root, 'test/sandbox/cli.ts'), '--port', '0', '--token', token, '--empty', '--latency-ms', String(options.latencyMs ?? 0)];
	const proc = start(`sandbox ${name}`, process.execPath, args, { logFile, cwd: root });
	onCleanup(`sandbox ${name}`, () => stop(proc));
	const url = await waitFor(`sandbox ${name}`, () => /listening on (http\S+)/.exec(logText(logFile))?.[1], { timeoutMs: 30_000, proc });
	const request = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${url}${route}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${name}: ${method} ${route} -> ${response.status} ${text}`);
		return JSON.parse(text) as T;
	};
	return {
		url,
		token,
		request,
		stats: () => request<SandboxStats>('GET', `${ADMIN_PREFIX}/stats`),
		objects: async <T>(collection: string) =>
			(await request<{ objects: T[] }>('GET', `${ADMIN_PREFIX}/collections/${collection}`)).objects,
		requests: () => request<unknown[]>('GET', `${ADMIN_PREFIX}/requests`),
	};
}
