// A Hellotext look-alike on loopback for tests and for people: bearer auth, in-memory objects with
// 8-character ids, newest-first cursor pagination, the documented error shape, a request log,
// fault injection and a count of requests in flight. Routes under ADMIN_PREFIX (admin.ts) let
// another process reset, seed and read those.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Query = Record<string, string | string[]>;

export interface RecordedRequest {
	method: string;
	path: string;
	query: Query;
	body: Json | undefined;
	headers: Record<string, string | string[] | undefined>;
	status?: number;
	/** When it arrived (ms since epoch). */
	at?: number;
}

export interface RouteContext {
	params: Record<string, string>;
	query: Query;
	body: JsonObject;
	request: RecordedRequest;
}

export interface Reply {
	status?: number;
	/** `undefined`: an answer without a body (e.g. 202 of DELETE /v1/templates/:id). */
	body: Json | undefined;
	headers?: Record<string, string>;
}

type Handler = (ctx: RouteContext) => Reply | Json;

export interface Fault {
	method?: string;
	/** Matches the path when it is equal (string) or matches (RegExp). Unset: every path. */
	path?: string | RegExp;
	/** Only after this many matching requests got through normally. */
	after?: number;
	status?: number;
	body?: Json;
	headers?: Record<string, string>;
	/** Drop the connection instead of answering (a network failure). */
	destroy?: boolean;
	/** How many matching requests this fault answers; unset = 1. */
	times?: number;
	/** When true the request is still carried out before the fault answers (it "reached" the server). */
	process?: boolean;
}

/** An error answer in the documented shape. */
export class ApiError extends Error {
	status: number;
	errors: JsonObject[];
	constructor(status: number, type: string, message: string, parameter?: string) {
		super(message);
		this.status = status;
		const entry: JsonObject = { type, message };
		if (parameter !== undefined) entry.parameter = parameter;
		this.errors = [entry];
	}
}

export const notFound = (what: string, id: string) =>
	new ApiError(404, 'not_found', `This ${what} was not found. Perhaps it was deleted. (${id})`, 'id');
export const missing = (parameter: string) =>
	new ApiError(400, 'parameter_missing', 'This parameter is required.', parameter);
export const invalid = (parameter: string, message = 'The value you provided for the parameter is not correct.') =>
	new ApiError(422, 'invalid', message, parameter);

export interface StoredObject extends JsonObject {
	id: string;
	type: string;
	created_at: number;
}

/**
 * The path prefix of the routes that control the sandbox itself (reset, seed, counters) for a
 * process driving it from outside, such as bench/realN8n.ts: off the API's /v1 prefix, not logged
 * in `requests` and not counted in flight. Same bearer token as the API.
 */
export const ADMIN_PREFIX = '/_sandbox';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
}

export class HellotextSandbox {
	readonly token: string;
	url = '';
	requests: RecordedRequest[] = [];
	faults: Fault[] = [];
	inFlight = 0;
	peakInFlight = 0;
	/** Added latency per request, to make concurrency observable. */
	latencyMs = 0;
	/** The clock objects get their `created_at` from; tests may pin or move it. */
	now: () => number = () => Math.floor(Date.now() / 1000);
	private collections = new Map<string, StoredObject[]>();
	private routes: Route[] = [];
	private adminRoutes: Route[] = [];
	private server: Server | undefined;
	private faultHits = new Map<Fault, { seen: number; fired: number }>();
	private issuedIds = new Set<string>();
	private resetHooks: Array<() => void> = [];

	constructor(token = 'sandbox-token') {
		this.token = token;
	}

	// ---- storage -------------------------------------------------------------------------------

	collection(name: string): StoredObject[] {
		let list = this.collections.get(name);
		if (!list) {
			list = [];
			this.collections.set(name, list);
		}
		return list;
	}

	/** A new id, unique in the sandbox. (The ids given are kept in a set: a bulk run inserts tens of thousands.) */
	newId(): string {
		for (;;) {
			const bytes = randomBytes(8);
			let id = '';
			for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
			if (!this.issuedIds.has(id)) {
				this.issuedIds.add(id);
				return id;
			}
		}
	}

	insert(collection: string, type: string, fields: JsonObject): StoredObject {
		const object = { id: this.newId(), type, created_at: this.now(), ...fields } as StoredObject;
		this.collection(collection).push(object);
		return object;
	}

	find(collection: string, id: string): StoredObject | undefined {
		return this.collection(collection).find((o) => o.id === id);
	}

	get(collection: string, id: string, what = collection.replace(/s$/, '')): StoredObject {
		const object = this.find(collection, id);
		if (!object) throw notFound(what, id);
		return object;
	}

	remove(collection: string, id: string, what?: string): JsonObject {
		const object = this.get(collection, id, what);
		const list = this.collection(collection);
		list.splice(list.indexOf(object), 1);
		return { id: object.id, type: object.type, deleted: true };
	}

	reset(): void {
		this.collections.clear();
		this.issuedIds.clear();
		this.requests = [];
		this.faults = [];
		this.faultHits.clear();
		this.inFlight = 0;
		this.peakInFlight = 0;
		this.latencyMs = 0;
		for (const hook of this.resetHooks) hook();
	}

	/** Runs `hook` now and after every reset: objects that always exist (built-in object structures). */
	onReset(hook: () => void): void {
		this.resetHooks.push(hook);
		hook();
	}

	/** Newest-first cursor pagination over `objects` (oldest first, as stored). */
	paginate(objects: StoredObject[], query: Query, newestFirst = true): StoredObject[] {
		return this.page(objects, query, newestFirst).data;
	}

	/**
	 * `paginate`, plus `hasMore`: whether older objects than the page's last one exist (the
	 * `has_more` of the lists the guides describe, messages and templates).
	 */
	page(objects: StoredObject[], query: Query, newestFirst = true): { data: StoredObject[]; hasMore: boolean } {
		const ordered = newestFirst ? [...objects].reverse() : objects;
		const rawLimit = query.limit === undefined ? 25 : Number(query.limit);
		if (!Number.isInteger(rawLimit) || rawLimit < 1) throw invalid('limit');
		const limit = Math.min(rawLimit, 100);
		let start = 0;
		let end = ordered.length;
		if (typeof query.starting_after === 'string' && query.starting_after !== '') {
			const index = ordered.findIndex((o) => o.id === query.starting_after);
			if (index === -1) throw notFound('object', query.starting_after);
			start = index + 1;
		}
		if (typeof query.ending_before === 'string' && query.ending_before !== '') {
			const index = ordered.findIndex((o) => o.id === query.ending_before);
			if (index === -1) throw notFound('object', query.ending_before);
			end = index;
			// Items newer than the cursor: the page closest to it.
			return { data: ordered.slice(Math.max(start, end - limit), end), hasMore: end < ordered.length };
		}
		return { data: ordered.slice(start, start + limit), hasMore: start + limit < ordered.length };
	}

	// ---- routing -------------------------------------------------------------------------------

	route(method: string, path: string, handler: Handler): void {
		this.routes.push(compileRoute(method, path, handler));
	}

	/** A route under ADMIN_PREFIX, for controlling the sandbox from another process. */
	adminRoute(method: string, path: string, handler: Handler): void {
		this.adminRoutes.push(compileRoute(method, `${ADMIN_PREFIX}${path}`, handler));
	}

	/** Standard Get / Delete / Get Many routes of a collection. */
	crud(path: string, collection: string, listKey: string, what: string, filter?: (o: StoredObject, q: Query) => boolean) {
		this.route('GET', path, ({ query }) => ({
			[listKey]: this.paginate(
				filter ? this.collection(collection).filter((o) => filter(o, query)) : this.collection(collection),
				query,
			),
		}));
		this.route('GET', `${path}/:id`, ({ params }) => this.get(collection, params.id, what));
		this.route('DELETE', `${path}/:id`, ({ params }) => this.remove(collection, params.id, what));
	}

	// ---- HTTP ----------------------------------------------------------------------------------

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = createServer((req, res) => {
			void this.handle(req, res);
		});
		this.server.keepAliveTimeout = 5_000;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const { port: bound } = this.server.address() as AddressInfo;
		this.url = `http://${host}:${bound}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	/** Requests whose path starts with `prefix` (and, if given, use `method`). */
	requestsTo(prefix: string, method?: string): RecordedRequest[] {
		return this.requests.filter((r) => r.path.startsWith(prefix) && (!method || r.method === method));
	}

	private matchFault(request: RecordedRequest): Fault | undefined {
		for (const fault of this.faults) {
			if (fault.method && fault.method !== request.method) continue;
			if (fault.path instanceof RegExp ? !fault.path.test(request.path) : fault.path && fault.path !== request.path) continue;
			const hits = this.faultHits.get(fault) ?? { seen: 0, fired: 0 };
			this.faultHits.set(fault, hits);
			hits.seen++;
			if (hits.seen <= (fault.after ?? 0)) continue;
			if (hits.fired >= (fault.times ?? 1)) continue;
			hits.fired++;
			return fault;
		}
		return undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		if (req.url?.startsWith(`${ADMIN_PREFIX}/`)) return await this.handleAdmin(req, res);
		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		let done = false;
		const finish = () => {
			if (!done) {
				done = true;
				this.inFlight--;
			}
		};
		res.on('close', finish);
		try {
			const request = await readRequest(req);
			this.requests.push(request);
			if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

			const fault = this.matchFault(request);
			if (fault && !fault.process) return this.sendFault(res, request, fault);
			const reply = this.dispatch(request);
			if (fault) return this.sendFault(res, request, fault);
			request.status = reply.status ?? 200;
			send(res, request.status, reply.body, reply.headers);
		} catch (error) {
			send(res, 500, { errors: [{ type: 'server_error', message: String(error) }] });
		}
	}

	private async handleAdmin(req: IncomingMessage, res: ServerResponse): Promise<void> {
		try {
			const reply = this.dispatchTo(this.adminRoutes, await readRequest(req));
			send(res, reply.status ?? 200, reply.body, reply.headers);
		} catch (error) {
			send(res, 500, { errors: [{ type: 'server_error', message: String(error) }] });
		}
	}

	private sendFault(res: ServerResponse, request: RecordedRequest, fault: Fault): void {
		if (fault.destroy) {
			request.status = 0;
			res.socket?.destroy();
			return;
		}
		request.status = fault.status ?? 500;
		send(res, request.status, fault.body ?? { errors: [{ type: 'server_error', message: 'Injected fault' }] }, fault.headers);
	}

	/** Calls a route directly, without HTTP and without logging it: for seeding and checking state. */
	call(method: string, path: string, body?: JsonObject, query: Query = {}): Json {
		const reply = this.dispatch({ method, path, query, body, headers: { authorization: `Bearer ${this.token}` } });
		if ((reply.status ?? 200) >= 400) throw new Error(`${method} ${path} -> ${reply.status}: ${JSON.stringify(reply.body)}`);
		return reply.body ?? null;
	}

	dispatch(request: RecordedRequest): Reply {
		return this.dispatchTo(this.routes, request);
	}

	private dispatchTo(routes: Route[], request: RecordedRequest): Reply {
		if (request.headers.authorization !== `Bearer ${this.token}`) {
			return { status: 401, body: { errors: [{ type: 'unauthorized', message: 'No valid API key.' }] } };
		}
		const candidates = routes.filter((r) => r.pattern.test(request.path));
		const route = candidates.find((r) => r.method === request.method);
		if (!route) {
			return candidates.length
				? { status: 405, body: { errors: [{ type: 'not_allowed', message: 'Method not allowed.' }] } }
				: { status: 404, body: { errors: [{ type: 'not_found', message: `No route ${request.path}` }] } };
		}
		const match = route.pattern.exec(request.path)!;
		const params: Record<string, string> = {};
		route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
		const body = (request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? request.body : {}) as JsonObject;
		try {
			const result = route.handler({ params, query: request.query, body, request });
			if (result && typeof result === 'object' && !Array.isArray(result) && 'body' in result && ('status' in result || 'headers' in result)) {
				return result as Reply;
			}
			return { status: 200, body: result as Json };
		} catch (error) {
			if (error instanceof ApiError) return { status: error.status, body: { errors: error.errors } };
			throw error;
		}
	}
}

function compileRoute(method: string, path: string, handler: Handler): Route {
	const names: string[] = [];
	const pattern = new RegExp(
		`^${path.replace(/:(\w+)/g, (_m, name: string) => {
			names.push(name);
			return '([^/]+)';
		})}$`,
	);
	return { method, pattern, names, handler };
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
	const raw = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://sandbox');
	return {
		method: req.method ?? 'GET',
		path: url.pathname,
		query: parseQuery(url.searchParams),
		body: parseBody(raw, req.headers['content-type']),
		headers: { ...req.headers },
		at: Date.now(),
	};
}

function send(res: ServerResponse, status: number, body: Json | undefined, headers: Record<string, string> = {}): void {
	if (body === undefined) {
		res.writeHead(status, { 'content-length': 0, ...headers });
		res.end();
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function parseQuery(params: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of params) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

/** JSON, or a form body with Rails-style brackets (`email[work]=…`, `lists[]=…`), as curl sends. */
function parseBody(raw: string, contentType: string | undefined): Json | undefined {
	if (!raw) return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		const result: JsonObject = {};
		for (const [key, value] of new URLSearchParams(raw)) {
			let target: JsonObject = result;
			const path = key.match(/^[^[]+|\[[^\]]*\]/g) ?? [key];
			const names = path.map((p) => p.replace(/^\[|\]$/g, ''));
			for (let i = 0; i < names.length; i++) {
				const name = names[i];
				const last = i === names.length - 1;
				if (names[i + 1] === '' && i + 1 === names.length - 1) {
					const list = (Array.isArray(target[name]) ? target[name] : (target[name] = [])) as Json[];
					list.push(value);
					break;
				}
				if (last) target[name] = value;
				else target = (typeof target[name] === 'object' && target[name] !== null ? target[name] : (target[name] = {})) as JsonObject;
			}
		}
		return result;
	}
	try {
		return JSON.parse(raw) as Json;
	} catch {
		return raw;
	}
}
