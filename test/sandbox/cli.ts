// `npm run sandbox`: a Hellotext sandbox on loopback, seeded with demo data, for a person's own n8n.
// Options: --port N (default 4010; 0 picks a free one), --token T (default sandbox-token), --empty
// (no demo data), --latency-ms N (every answer waits N ms, so concurrent requests overlap).
// It also answers the admin routes of admin.ts (under /_sandbox, same token), for scripts that drive
// it from another process (npm run test:queue, npm run bench:n8n).
import { createSandbox } from './index.ts';
import { seedDemoData } from './seed.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
	const index = args.indexOf(`--${name}`);
	return index === -1 ? undefined : args[index + 1];
};

const sandbox = createSandbox(option('token') ?? 'sandbox-token');
if (!args.includes('--empty')) seedDemoData(sandbox);
// The latency asked for holds across resets (the admin route's reset clears what a test set).
const latencyMs = Number(option('latency-ms') ?? 0);
sandbox.onReset(() => {
	sandbox.latencyMs = latencyMs;
});

const url = await sandbox.start(Number(option('port') ?? 4010), option('host') ?? '127.0.0.1');
process.stdout.write(
	`Hellotext sandbox listening on ${url}\n` +
		`  Base URL:  ${url}\n` +
		`  API token: ${sandbox.token}\n` +
		`Create a "Hellotext API" credential in n8n with these two values. Ctrl+C stops it.\n`,
);
const stop = async () => {
	await sandbox.stop();
	process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
