// A real n8n of one tested line (scripts/cache.sh lines), run as a person runs it: its own CLI under the
// Node.js it runs on, with a user folder of the test's choosing, on free loopback ports. n8n and every
// command are started asynchronously (the test's sandbox serves n8n's requests from the same event loop),
// in a process group of their own, so stopping n8n also stops its task runners (test/support/process.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';

import {
	freePorts,
	n8nEnvironment,
	ROOT,
	runChecked,
	runCommand,
	startProcess,
	waitUntilReady,
	type CommandResult,
	type LongRunningProcess,
} from '../support/process.ts';

export interface TestedLine {
	n8nVersion: string;
	nodeMajor: string;
	npmMajor: string;
}

/** scripts/cache.sh: the folder of what it installs into the cache (once; the progress shows as it comes). */
export async function cache(...args: string[]): Promise<string> {
	const { stdout } = await runChecked(path.join(ROOT, 'scripts/cache.sh'), args, { env: process.env, timeoutMs: 30 * 60_000, stderr: 'inherit' });
	return stdout.trim();
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
		// Task runners (n8n 2.x, and `n8n execute`) listen on a broker port of their own.
		const [port, brokerPort] = await freePorts(2);
		return {
			PATH: `${this.nodeBin}${path.delimiter}${process.env.PATH}`,
			HOME: this.userFolder,
			...n8nEnvironment(this.userFolder),
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		};
	}

	/** An n8n CLI command; stdout and stderr interleaved as they came. */
	async cli(args: string[], timeoutMs = 5 * 60_000): Promise<CommandResult> {
		return await runCommand(this.bin, args, { env: await this.env(), timeoutMs, stderr: 'stdout' });
	}

	/** `n8n start`, until its readiness check answers; `stop()` ends it and its task runners. */
	async start(timeoutMs = 5 * 60_000): Promise<LongRunningProcess & { url: string }> {
		const env = await this.env();
		const n8n = startProcess('n8n', this.bin, ['start'], { env, logFile: path.join(this.userFolder, 'n8n-start.log'), graceMs: 30_000 });
		try {
			await waitUntilReady(n8n, Number(env.N8N_PORT), timeoutMs);
		} catch (error) {
			await n8n.stop();
			throw error;
		}
		return { ...n8n, url: `http://127.0.0.1:${env.N8N_PORT}` };
	}
}
