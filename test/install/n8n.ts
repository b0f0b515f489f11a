// A real n8n of one tested line (scripts/cache.sh lines), run as a person runs it: its own CLI under the
// Node.js it runs on, with a user folder of the test's choosing, on free loopback ports. Every process is
// started asynchronously (the test's sandbox serves n8n's requests from the same event loop) in a process
// group of its own, so stopping it also stops n8n's task runners.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { ROOT } from '../package/tarball';

export interface TestedLine {
	n8nVersion: string;
	nodeMajor: string;
	npmMajor: string;
}

export interface CommandResult {
	code: number | null;
	/** stdout and stderr, interleaved as they came. */
	output: string;
}

/** Runs a command to its end (killed after `timeoutMs`), collecting its output (or only stdout, with stderr shown as it comes). */
export function runCommand(
	command: string,
	args: string[],
	options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number; showStderr?: boolean },
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const stderr = options.showStderr ? 'inherit' : 'pipe';
		const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', stderr], detached: true });
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const timer = setTimeout(() => killGroup(child.pid), options.timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

/** scripts/cache.sh: the folder of what it installs into the cache (once; the progress shows as it comes). */
export async function cache(...args: string[]): Promise<string> {
	const { code, output } = await runCommand(path.join(ROOT, 'scripts/cache.sh'), args, { env: process.env, timeoutMs: 30 * 60_000, showStderr: true });
	if (code !== 0) throw new Error(`scripts/cache.sh ${args.join(' ')} failed (its messages are above)`);
	return output.trim();
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export class N8n {
	readonly bin: string;
	constructor(
		readonly dir: string,
		readonly nodeBin: string,
		/** The user folder: n8n keeps its data in <userFolder>/.n8n and loads community packages from <userFolder>/.n8n/nodes. */
		readonly userFolder: string,
	) {
		this.bin = path.join(dir, 'node_modules/.bin/n8n');
		if (!existsSync(this.bin)) throw new Error(`No n8n at ${this.bin}`);
	}

	/** The environment of every n8n process: only what it needs, nothing inherited from the test's shell. */
	async env(): Promise<NodeJS.ProcessEnv> {
		return {
			PATH: `${this.nodeBin}${path.delimiter}${process.env.PATH}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(await freePort()),
			// Task runners (n8n 2.x, and `n8n execute`) listen on a broker port of their own.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		};
	}

	async cli(args: string[], timeoutMs = 5 * 60_000): Promise<CommandResult> {
		return await runCommand(this.bin, args, { env: await this.env(), timeoutMs });
	}

	/** `n8n start`, until its readiness check answers; `stop()` ends it and its task runners. */
	async start(timeoutMs = 5 * 60_000): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
		const env = await this.env();
		const url = `http://127.0.0.1:${env.N8N_PORT}`;
		const child = spawn(this.bin, ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
		let running = true;
		void exited.then(() => (running = false));
		const stop = async () => {
			killGroup(child.pid);
			const killer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 30_000);
			await exited;
			clearTimeout(killer);
		};
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline && running) {
			const ready = await fetch(`${url}/healthz/readiness`).then(
				(response) => response.ok,
				() => false,
			);
			if (ready) return { url, output: () => output, stop };
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		await stop();
		throw new Error(`n8n did not become ready on ${url}:\n${output.slice(-4000)}`);
	}
}
