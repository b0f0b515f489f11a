// `npm run sandbox`: a Hellotext sandbox on loopback, seeded with demo data, for a person's own n8n.
// Options: --port N (default 4010), --token T (default sandbox-token), --empty (no demo data).
import { createSandbox } from './index.ts';
import { seedDemoData } from './seed.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
	const index = args.indexOf(`--${name}`);
	return index === -1 ? undefined : args[index + 1];
};

const sandbox = createSandbox(option('token') ?? 'sandbox-token');
if (!args.includes('--empty')) seedDemoData(sandbox);
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
