// Starts `npm run dev` (scripts/dev.sh: the packed package installed into a real n8n 2.41.1, the
// sandbox with demo data, the "Hellotext sandbox" credential and the example workflows) on free
// loopback ports with a scratch n8n user folder, and stops it again. The developer's own dev
// instance (its user folder and ports) is never touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** `count` different ports nothing listens on right now (the OS picks them, all held until all are picked). */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
					const server = createServer();
					server.on('error', reject);
					server.listen(0, '127.0.0.1', () => resolve(server));
				}),
		),
	);
	const ports = servers.map((server) => (server.address() as { port: number }).port);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
}

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
	const child: ChildProcess = spawn(path.join(ROOT, 'scripts/with-node24.sh'), ['bash', ...args], {
		cwd: ROOT,
		env: {
			// Not the test runner's NODE_ENV=test: under it n8n's commands start nothing.
			...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV')),
			N8N_PORT: String(n8nPort),
			SANDBOX_PORT: String(sandboxPort),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			HELLOTEXT_DEV_USER_FOLDER: userFolder,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group: should dev.sh not stop n8n and the sandbox, the group is ended.
		detached: true,
	});
	let log = '';
	let finished = false;
	// 'close': the process ended and its output has been read to the end.
	const exited = new Promise<number | null>((resolve) =>
		child.on('close', (code) => {
			finished = true;
			resolve(code);
		}),
	);
	const ready = new Promise<string>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			log += chunk.toString();
			const match = /^Open (http\S+)$/m.exec(log);
			if (match) resolve(match[1]);
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		void exited.then((code) => reject(new Error(`npm run dev exited (${code}) before n8n was ready:\n${log}`)));
	});
	const stop = async () => {
		if (!finished) {
			// dev.sh stops n8n and the sandbox on TERM, then exits.
			child.kill('SIGTERM');
			const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(userFolder, { recursive: true, force: true });
	};
	const timeoutMs = options.timeoutMs ?? 420_000;
	let timer: NodeJS.Timeout | undefined;
	try {
		const url = await Promise.race([
			ready,
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`n8n was not ready after ${timeoutMs / 1000} s:\n${log}`)), timeoutMs);
			}),
		]);
		const sandboxUrl = /^Sandbox: (http\S+)/m.exec(log)?.[1] ?? `http://127.0.0.1:${sandboxPort}`;
		return { url, sandboxUrl, sandboxToken: SANDBOX_TOKEN, owner: OWNER, output: () => log, stop };
	} catch (error) {
		await stop();
		throw error;
	} finally {
		clearTimeout(timer);
	}
}
