// Starts `npm run dev` (scripts/dev.sh: the packed package installed into a real n8n 2.41.1, the
// sandbox with demo data, the "Hellotext sandbox" credential and the example workflows) on free
// loopback ports with a scratch n8n user folder, and stops it again. The developer's own dev
// instance (its user folder and ports) is never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePorts, ROOT, startProcess, waitFor } from '../support/process';

export interface DevServer {
	/** The editor, e.g. http://localhost:41234. */
	url: string;
	/** The sandbox the "Hellotext sandbox" credential points at. */
	sandboxUrl: string;
	sandboxToken: string;
	owner: { email: string; password: string };
	/** Everything dev.sh and n8n printed, for a failure message. */
	output(): string;
	stop(): Promise<void>;
}

/** What scripts/dev.sh sets up (its owner account and sandbox token). */
const OWNER = { email: 'dev@example.com', password: 'Hellotext-dev-1' };
const SANDBOX_TOKEN = 'sandbox-token';

export async function startDevServer(options: { build?: boolean; timeoutMs?: number } = {}): Promise<DevServer> {
	// While working on the test: reuse a running `npm run dev` (its URLs), left running after.
	const running = process.env.EDITOR_TEST_N8N_URL;
	if (running) {
		const sandboxUrl = process.env.EDITOR_TEST_SANDBOX_URL ?? 'http://127.0.0.1:4010';
		return { url: running, sandboxUrl, sandboxToken: SANDBOX_TOKEN, owner: OWNER, output: () => '', stop: async () => {} };
	}
	const [n8nPort, sandboxPort, brokerPort] = await freePorts(3);
	const userFolder = mkdtempSync(path.join(tmpdir(), 'hellotext-editor-n8n-'));
	const args = [path.join(ROOT, 'scripts/dev.sh'), ...(options.build === false ? ['--no-build'] : [])];
	const dev = startProcess('npm run dev', path.join(ROOT, 'scripts/with-node24.sh'), ['bash', ...args], {
		env: {
			// Not the test runner's NODE_ENV=test: under it n8n's commands start nothing.
			...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV')),
			N8N_PORT: String(n8nPort),
			SANDBOX_PORT: String(sandboxPort),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			HELLOTEXT_DEV_USER_FOLDER: userFolder,
		},
		// Beside the sandbox's log that dev.sh keeps there; removed with the folder.
		logFile: path.join(userFolder, 'dev.log'),
		// dev.sh stops n8n and the sandbox on TERM, then exits; should it not, the group is killed.
		terminate: 'leader',
		graceMs: 60_000,
	});
	let outputAtStop: string | undefined;
	const output = () => outputAtStop ?? dev.output();
	const stop = async () => {
		await dev.stop();
		outputAtStop = dev.output();
		rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		const url = await waitFor('n8n to be ready', () => /^Open (http\S+)$/m.exec(output())?.[1], {
			timeoutMs: options.timeoutMs ?? 420_000,
			whileRunning: dev,
		});
		const sandboxUrl = /^Sandbox: (http\S+)/m.exec(output())?.[1] ?? `http://127.0.0.1:${sandboxPort}`;
		return { url, sandboxUrl, sandboxToken: SANDBOX_TOKEN, owner: OWNER, output, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
