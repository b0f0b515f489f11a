// `npm run sandbox`: a Hellotext sandbox on loopback, seeded with demo data, for a person's own n8n.
// Options: --port N (default 4010; 0 picks a free one), --token T (default sandbox-token), --empty
// (no demo data), --latency-ms N (every answer waits N ms, so concurrent requests overlap).
// Besides the API it answers two read-only routes (same token) for scripts that drive it from
// another process, as `npm run test:queue` does:
//   GET /__sandbox/stats                  requests in flight now and at most, requests by route and status
//   GET /__sandbox/objects/:collection    every stored object of a collection (profiles, events, ...)
//   GET /__sandbox/requests               the request log: method, path, query, body, status, arrival (ms)
import { createSandbox } from './index.ts';
import { seedDemoData } from './seed.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
	const index = args.indexOf(`--${name}`);
	return index === -1 ? undefined : args[index + 1];
};

const sandbox = createSandbox(option('token') ?? 'sandbox-token');
if (!args.includes('--empty')) seedDemoData(sandbox);
sandbox.latencyMs = Number(option('latency-ms') ?? 0);

const ADMIN = '/__sandbox/';
sandbox.route('GET', `${ADMIN}stats`, () => {
	const requests: Record<string, number> = {};
	for (const { method, path, status } of sandbox.requests) {
		if (path.startsWith(ADMIN)) continue;
		const key = `${method} ${path} ${status ?? 'pending'}`;
		requests[key] = (requests[key] ?? 0) + 1;
	}
	// This request is in flight too: the figures leave it out.
	return { inFlight: sandbox.inFlight - 1, peakInFlight: sandbox.peakInFlight, requests };
});
sandbox.route('GET', `${ADMIN}objects/:collection`, ({ params }) => sandbox.collection(params.collection));
sandbox.route('GET', `${ADMIN}requests`, () =>
	sandbox.requests
		.filter(({ path }) => !path.startsWith(ADMIN))
		.map(({ method, path, query, body, status, at }) => ({ method, path, query, body: body ?? null, status: status ?? null, at: at ?? null })),
);

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
