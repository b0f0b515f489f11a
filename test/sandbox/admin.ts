// Routes that control a sandbox running in its own process (`npm run sandbox`, bench/realN8n.ts),
// under ADMIN_PREFIX: reset it, seed profiles without HTTP round trips, and read what the API saw.
//   POST /_sandbox/reset                   forget every object, the request log and the counters
//   POST /_sandbox/profiles {count, last_name?}   seed `count` profiles (seedProfiles)
//   GET  /_sandbox/stats                   API requests since the reset: total, per route, per
//                                          status, and the most that were in flight at once
//   GET  /_sandbox/collections/:name       every stored object of a collection (e.g. profiles)
//   GET  /_sandbox/requests                the API request log: method, path, query, body, status,
//                                          arrival (ms), for a look after a failed run
import { invalid, type HellotextSandbox, type Json } from './server.ts';
import { seedProfiles } from './seed.ts';

export interface SandboxStats {
	requests: number;
	/** `METHOD /path` -> count. */
	routes: Record<string, number>;
	/** HTTP status -> count. */
	statuses: Record<string, number>;
	peakInFlight: number;
	inFlight: number;
}

export function registerAdmin(sb: HellotextSandbox): void {
	sb.adminRoute('POST', '/reset', () => {
		sb.reset();
		return { reset: true };
	});
	sb.adminRoute('POST', '/profiles', ({ body }) => {
		const count = Number(body.count);
		if (!Number.isInteger(count) || count < 0) throw invalid('count');
		seedProfiles(sb, count, typeof body.last_name === 'string' ? body.last_name : undefined);
		return { profiles: sb.collection('profiles').length };
	});
	sb.adminRoute('GET', '/stats', () => {
		const stats: SandboxStats = { requests: sb.requests.length, routes: {}, statuses: {}, peakInFlight: sb.peakInFlight, inFlight: sb.inFlight };
		for (const request of sb.requests) {
			const route = `${request.method} ${request.path}`;
			stats.routes[route] = (stats.routes[route] ?? 0) + 1;
			const status = String(request.status ?? 0);
			stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
		}
		return stats as unknown as Json;
	});
	sb.adminRoute('GET', '/collections/:name', ({ params }) => ({ objects: sb.collection(params.name) }));
	sb.adminRoute('GET', '/requests', () =>
		sb.requests.map(({ method, path, query, body, status, at }) => ({
			method,
			path,
			query,
			body: body ?? null,
			status: status ?? null,
			at: at ?? null,
		})) as unknown as Json,
	);
}
