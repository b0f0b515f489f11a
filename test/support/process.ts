// The process plumbing of everything that runs real processes: test/queue, test/install,
// test/editor and bench/realN8n.ts. Free ports, commands run to their end, long-running processes
// in process groups of their own, waiting for a condition, the sandbox in its own process, and the
// pinned n8n with user folders holding the packed package (scripts/n8n.sh knows how).
// Plain TypeScript that Node runs as it is (test/queue runs without a loader): no enums, no
// parameter properties, imports with their .ts extension.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { SandboxStats } from '../sandbox/admin.ts';
import { ADMIN_PREFIX } from '../sandbox/server.ts';

export type { SandboxStats };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** scripts/n8n.sh: the pinned n8n, the packed package's install, n8n's environment. */
export const N8N_SCRIPT = path.join(ROOT, 'scripts/n8n.sh');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- ports ------------------------------------------------------------------------------------

/** `count` different ports nothing listens on at 127.0.0.1 right now (the OS picks them, all held until all are picked). */
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

export const freePort = async () => (await freePorts(1))[0];

// ---- commands run to their end -----------------------------------------------------------------

export interface CommandOptions {
	env?: NodeJS.ProcessEnv;
	/** Default: the repository's root. */
	cwd?: string;
	/** Past this the command's process group gets SIGTERM, and SIGKILL 10 s later (default: no limit). */
	timeoutMs?: number;
	/**
	 * 'capture' (default): stdout and stderr each kept; 'stdout': stderr into stdout, interleaved as
	 * they came (2>&1); 'inherit': stderr shown as it comes, on this process's stderr.
	 */
	stderr?: 'capture' | 'stdout' | 'inherit';
}

export interface CommandResult {
	/** Null when a signal ended it. */
	code: number | null;
	stdout: string;
	stderr: string;
	/** Everything kept of what it printed: stdout, then stderr (with stderr 'stdout': both, as they came). */
	output: string;
	/** Wall time. */
	ms: number;
	timedOut: boolean;
}

const processGroupSignal = (pid: number | undefined, signal: NodeJS.Signals) => {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
};

/**
 * Runs a command to its end in a process group of its own (so a timeout also ends what it started,
 * e.g. n8n's task runners). Its output goes to files, not pipes: `n8n execute` calls process.exit()
 * right after printing the run, and Node writes to a pipe asynchronously, so a large run printed
 * into a pipe is cut off (at about 7 MB); writes to a file are synchronous.
 */
export async function runCommand(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
	const dir = mkdtempSync(path.join(tmpdir(), 'hellotext-command-'));
	const files = { stdout: path.join(dir, 'stdout'), stderr: path.join(dir, 'stderr') };
	const stdout = openSync(files.stdout, 'w');
	const stderr = options.stderr === 'stdout' ? stdout : options.stderr === 'inherit' ? 'inherit' : openSync(files.stderr, 'w');
	try {
		const start = performance.now();
		let timedOut = false;
		const code = await new Promise<number | null>((resolve, reject) => {
			const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env, stdio: ['ignore', stdout, stderr], detached: true });
			const timers: NodeJS.Timeout[] = [];
			if (options.timeoutMs !== undefined) {
				timers.push(
					setTimeout(() => {
						timedOut = true;
						processGroupSignal(child.pid, 'SIGTERM');
						timers.push(setTimeout(() => processGroupSignal(child.pid, 'SIGKILL'), 10_000));
					}, options.timeoutMs),
				);
			}
			const settle = () => timers.forEach(clearTimeout);
			child.on('error', (error) => {
				settle();
				reject(error);
			});
			child.on('close', (exitCode) => {
				settle();
				resolve(exitCode);
			});
		});
		const ms = performance.now() - start;
		const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
		const result = { code, stdout: read(files.stdout), stderr: read(files.stderr), ms, timedOut };
		const between = result.stdout && result.stderr && !result.stdout.endsWith('\n') ? '\n' : '';
		return { ...result, output: `${result.stdout}${between}${result.stderr}` };
	} finally {
		closeSync(stdout);
		if (typeof stderr === 'number' && stderr !== stdout) closeSync(stderr);
		rmSync(dir, { recursive: true, force: true });
	}
}

/** runCommand, failing unless the command exits with 0: the error names it and ends with the last 40 lines it printed. */
export async function runChecked(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
	const result = await runCommand(command, args, options);
	if (result.code !== 0) {
		const how = result.timedOut ? `timed out after ${options.timeoutMs! / 1000} s` : `exited with ${result.code}`;
		const printed = options.stderr === 'inherit' ? '(its messages are above)' : result.output.trim().split('\n').slice(-40).join('\n');
		throw new Error(`${path.basename(command)} ${args.join(' ')} ${how}:\n${printed}`);
	}
	return result;
}

// ---- long-running processes -------------------------------------------------------------------

export interface StartOptions {
	env?: NodeJS.ProcessEnv;
	/** Default: the repository's root. */
	cwd?: string;
	/** Its stdout and stderr, appended. */
	logFile: string;
	/**
	 * Who stop() sends SIGTERM to: the whole process group (default), or only the process started,
	 * for a script that stops its own children on TERM (scripts/dev.sh). SIGKILL goes to the group.
	 */
	terminate?: 'group' | 'leader';
	/** How long stop() waits after SIGTERM before SIGKILL (default 40 s). */
	graceMs?: number;
	/** Where to say that it could not start or had to be killed (default: stderr). */
	log?: (message: string) => void;
}

export interface LongRunningProcess {
	name: string;
	/** The process started (the leader of its process group); undefined when it could not start. */
	pid: number | undefined;
	logFile: string;
	/** Settles with the exit code when it ends. */
	exited: Promise<number | null>;
	running(): boolean;
	/** Everything it printed so far. */
	output(): string;
	/** SIGTERM, then SIGKILL to its process group after the grace period; nothing when it has ended. */
	stop(): Promise<void>;
}

/** Everything in a log file so far ('' before it exists). */
export const readLog = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
/** The last `lines` lines of a log file. */
export const logTail = (file: string, lines = 40) => readLog(file).trimEnd().split('\n').slice(-lines).join('\n');

/** Starts a long-running process in a process group of its own, so stopping it also stops what it started (n8n's task runners). */
export function startProcess(name: string, command: string, args: string[], options: StartOptions): LongRunningProcess {
	const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
	const out = openSync(options.logFile, 'a');
	const child = spawn(command, args, { env: options.env, cwd: options.cwd ?? ROOT, detached: true, stdio: ['ignore', out, out] });
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
	const graceMs = options.graceMs ?? 40_000;
	const stop = async () => {
		if (!running) return;
		if (options.terminate === 'leader') child.kill('SIGTERM');
		else processGroupSignal(child.pid, 'SIGTERM');
		const ended = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
		if (!ended) {
			log(`${name} did not stop within ${graceMs / 1000} s: killing it`);
			processGroupSignal(child.pid, 'SIGKILL');
			await exited;
		}
	};
	return { name, pid: child.pid, logFile: options.logFile, exited, running: () => running, output: () => readLog(options.logFile), stop };
}

/**
 * Polls `check` until it answers something other than undefined, and returns that. Fails after
 * `timeoutMs`, or as soon as `whileRunning` has ended, with the end of that process's log.
 */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	options: { timeoutMs: number; whileRunning?: LongRunningProcess; intervalMs?: number },
): Promise<T> {
	const watched = options.whileRunning;
	const itsLog = () => (watched ? `; ${watched.name}'s log ends with:\n${logTail(watched.logFile)}` : '');
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (watched && !watched.running()) throw new Error(`${watched.name} exited while waiting for ${what}${itsLog()}`);
		if (Date.now() > deadline) throw new Error(`Timed out after ${options.timeoutMs / 1000} s waiting for ${what}${itsLog()}`);
		await sleep(options.intervalMs ?? 250);
	}
}

/** True when `url` answers 2xx, undefined otherwise (for waitFor). */
export async function answersOk(url: string): Promise<true | undefined> {
	try {
		return (await fetch(url)).ok ? true : undefined;
	} catch {
		return undefined;
	}
}

// ---- the sandbox (test/sandbox/cli.ts) in its own process -------------------------------------

export interface SandboxProcess {
	url: string;
	token: string;
	process: LongRunningProcess;
	/** A request to it with its token (an API route, or ADMIN_PREFIX + an admin route); the JSON answer. */
	request<T>(method: string, route: string, body?: unknown): Promise<T>;
	/** The admin routes (test/sandbox/admin.ts): forget everything, seed profiles, what the API saw. */
	reset(): Promise<void>;
	seedProfiles(count: number): Promise<void>;
	stats(): Promise<SandboxStats>;
	objects<T = Record<string, unknown>>(collection: string): Promise<T[]>;
	/** The API request log, for a look after a failure. */
	requests(): Promise<unknown[]>;
	stop(): Promise<void>;
}

/** An empty sandbox on a port it picks, answering after `latencyMs` (default 0). */
export async function startSandbox(options: { name: string; token: string; logFile: string; latencyMs?: number }): Promise<SandboxProcess> {
	const { name, token, logFile } = options;
	const args = [path.join(ROOT, 'test/sandbox/cli.ts'), '--port', '0', '--token', token, '--empty', '--latency-ms', String(options.latencyMs ?? 0)];
	const sandbox = startProcess(name, process.execPath, args, { logFile });
	let url: string;
	try {
		url = await waitFor(name, () => /listening on (http\S+)/.exec(readLog(logFile))?.[1], { timeoutMs: 30_000, whileRunning: sandbox });
	} catch (error) {
		await sandbox.stop();
		throw error;
	}
	const request = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${url}${route}`, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${name}: ${method} ${route} -> ${response.status} ${text}`);
		return JSON.parse(text) as T;
	};
	return {
		url,
		token,
		process: sandbox,
		request,
		reset: async () => void (await request('POST', `${ADMIN_PREFIX}/reset`)),
		seedProfiles: async (count) => void (await request('POST', `${ADMIN_PREFIX}/profiles`, { count })),
		stats: () => request<SandboxStats>('GET', `${ADMIN_PREFIX}/stats`),
		objects: async <T>(collection: string) => (await request<{ objects: T[] }>('GET', `${ADMIN_PREFIX}/collections/${collection}`)).objects,
		requests: () => request<unknown[]>('GET', `${ADMIN_PREFIX}/requests`),
		stop: sandbox.stop,
	};
}

// ---- n8n ----------------------------------------------------------------------------------------

export interface PinnedN8n {
	version: string;
	/** The installation: <dir>/node_modules/.bin/n8n. */
	dir: string;
	bin: string;
}

/** The n8n version scripts/n8n.sh pins (the newest tested line). */
export const pinnedN8nVersion = () => execFileSync('bash', [N8N_SCRIPT, 'version'], { encoding: 'utf8' }).trim();

/** The pinned n8n, installed into the cache first when missing (minutes, once). */
export async function installPinnedN8n(options: { timeoutMs?: number } = {}): Promise<PinnedN8n> {
	const bin = (await runChecked('bash', [N8N_SCRIPT, 'install'], options)).stdout.trim().split('\n').pop()!;
	return { version: pinnedN8nVersion(), dir: path.resolve(bin, '../../..'), bin };
}

/** Packs dist/ as it is and installs the tarball as a community package into each n8n user folder (<folder>/.n8n/nodes). */
export async function installPackedPackage(userFolders: string[], options: { timeoutMs?: number } = {}): Promise<void> {
	await runChecked('bash', [N8N_SCRIPT, 'install-package', ...userFolders], options);
}

/**
 * What every n8n here runs with (scripts/n8n.sh n8n_environment): the user folder, loopback, no
 * telemetry or prompts. The caller's N8N_LISTEN_ADDRESS is not taken: tests listen on loopback only.
 */
export function n8nEnvironment(userFolder: string): Record<string, string> {
	const env = { ...process.env };
	delete env.N8N_LISTEN_ADDRESS;
	const lines = execFileSync('bash', [N8N_SCRIPT, 'environment', userFolder], { encoding: 'utf8', env }).trim().split('\n');
	return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/**
 * Writes credentials and workflows where n8n's CLI imports them from (<dir>/credentials.json,
 * <dir>/workflows/<id>.json); the arguments of the two `n8n import:...` commands that do.
 */
export function writeN8nImports(dir: string, credentials: object[], workflows: Array<{ id: string }>): { credentials: string[]; workflows: string[] } {
	mkdirSync(path.join(dir, 'workflows'), { recursive: true });
	writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials));
	for (const workflow of workflows) writeFileSync(path.join(dir, 'workflows', `${workflow.id}.json`), JSON.stringify(workflow));
	return {
		credentials: ['import:credentials', `--input=${path.join(dir, 'credentials.json')}`],
		workflows: ['import:workflow', '--separate', `--input=${path.join(dir, 'workflows')}`],
	};
}

/** Waits until an n8n process (`n8n start`, `n8n worker`) answers its readiness check on 127.0.0.1:`port`. */
export async function waitUntilReady(n8n: LongRunningProcess, port: number, timeoutMs: number): Promise<void> {
	await waitFor(`${n8n.name} to be ready`, () => answersOk(`http://127.0.0.1:${port}/healthz/readiness`), { timeoutMs, whileRunning: n8n, intervalMs: 500 });
}
