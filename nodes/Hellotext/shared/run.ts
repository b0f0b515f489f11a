/**
 * How an operation runs for its input items. Two ways, one behaviour:
 *
 * - **Writes own their item loop** (n8n's custom operations, `itemLoop`). n8n's RoutingNode
 *   prepares every item's request in one synchronous loop before the first request leaves, and
 *   resolves every parameter twice more than the node reads it; for 10,000 items that blocked the
 *   process for about a minute (a queue-mode worker loses its job's lock after 60 s). Here items
 *   are prepared in bursts a few times the bound on requests in flight and sent as they are
 *   prepared, with a pause for the event loop at least every YIELD_EVERY_MS, each parameter read
 *   once.
 * - **Reads stay on RoutingNode** (`routedSteps`): Get and Get Many (whose pages can be many per
 *   item) run as declarative operations, RoutingNode calling the preparation as their one preSend
 *   and the runner as their pagination function.
 *
 * Either way an item is prepared by request.ts, sent by transport.ts, and its failure becomes an
 * error item (Continue On Fail) or the node's error, naming the item.
 */
import {
	sleep,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecuteFunctions,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type PreSendAction,
} from 'n8n-workflow';

import { asNodeError } from './errors';
import { itemOf, itemReader, type Item } from './item';
import { RunStopped } from './limiter';
import type { PreparedRequest } from './request';
import { connect, sendRequest, type ApiResponse, type Connection, type NetworkOptions, type RequestContext } from './transport';

/** What a runner has for one item. */
export interface ItemRun {
	item: Item;
	/** Sends one request of the item's (a runner may send several: find, then create...). */
	send(request: PreparedRequest): Promise<ApiResponse>;
	/** What `load` gives, loaded once per run of the node under `key` (e.g. a template all items use). */
	once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** What an operation does with an item's prepared request: the JSON objects it outputs. */
export type Runner = (run: ItemRun, request: PreparedRequest) => Promise<IDataObject[]>;

export interface RunnableOperation {
	prepare(item: Item): PreparedRequest;
	run: Runner;
}

/** The objects of an answer, as RoutingNode would output them: each of an array, else the body itself. */
export function objectsOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (entry !== null && typeof entry === 'object' ? entry : { value: entry })) as IDataObject[];
	if (body !== null && typeof body === 'object') return [body as IDataObject];
	// An empty answer (e.g. 202 with no body): the operation's output fills it in.
	return [{}];
}

/** One request, its answer as output. */
export const sendOnce: Runner = async (run, request) => objectsOf((await run.send(request)).body);

function errorItem(item: Item, error: Error): INodeExecutionData {
	const e = error as Error & { description?: string; httpCode?: string };
	const json: IDataObject = { error: e.message, itemIndex: item.index };
	if (e.description) json.description = e.description;
	if (e.httpCode) json.httpCode = e.httpCode;
	return { json, pairedItem: { item: item.index } };
}

/** An item's request, or why it was refused (raised when the item runs, like a failed request). */
function prepareSafely(operation: RunnableOperation, item: Item): PreparedRequest | Error {
	try {
		return operation.prepare(item);
	} catch (error) {
		return error as Error;
	}
}

/** Runs one item; its output is paired with it. A failure is an error item with Continue On Fail. */
async function runItem(
	ctx: RequestContext & { continueOnFail(): boolean },
	connection: Connection,
	operation: RunnableOperation,
	item: Item,
	prepared: PreparedRequest | Error,
): Promise<INodeExecutionData[]> {
	try {
		if (prepared instanceof Error) throw prepared;
		const objects = await operation.run(
			{
				item,
				send: async (request) => await sendRequest(ctx, connection, request, item.index),
				once: async <T>(key: string, load: () => Promise<T>) => {
					if (!connection.loaded.has(key)) connection.loaded.set(key, load());
					return (await connection.loaded.get(key)) as T;
				},
			},
			prepared,
		);
		return objects.map((json) => ({ json, pairedItem: { item: item.index } }));
	} catch (error) {
		// Not sent: the run stopped at another item's failure, which is the node's error.
		if (error instanceof RunStopped) return [];
		const nodeError = asNodeError(connection.node, error);
		if (ctx.continueOnFail()) return [errorItem(item, nodeError)];
		throw nodeError;
	}
}

/** How long the item loop may run without letting the event loop turn. */
const YIELD_EVERY_MS = 50;

/** n8n's Request Options (added to every declarative node) as request options, and its Batching. */
function requestOptionsOf(ctx: IExecuteFunctions): { network: NetworkOptions; batch?: { size: number; intervalMs: number } } {
	const options = ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const network: NetworkOptions = {};
	if (Number(options.timeout) > 0) network.timeout = Number(options.timeout);
	if (options.allowUnauthorizedCerts === true) network.skipSslCertificateValidation = true;
	if (typeof options.proxy === 'string' && options.proxy.trim()) {
		const proxy = new URL(options.proxy.trim());
		network.proxy = {
			host: proxy.hostname,
			port: Number(proxy.port),
			protocol: proxy.protocol.replace(/:$/, '') || undefined,
			...(proxy.username ? { auth: { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) } } : {}),
		};
	}
	const batch = (options.batching as IDataObject | undefined)?.batch as IDataObject | undefined;
	const size = Number(batch?.batchSize);
	const intervalMs = Number(batch?.batchInterval);
	return { network, batch: size > 0 && intervalMs > 0 ? { size, intervalMs } : undefined };
}

/** The node's own Options: the bound on requests in flight and the pause between its batches. */
function limitsOf(options: unknown) {
	const { maxInFlight, batchPauseMs } = (options ?? {}) as IDataObject;
	return { inFlight: maxInFlight, pauseMs: batchPauseMs };
}

/**
 * How many items a write's loop keeps prepared or in flight, in multiples of the bound on requests
 * in flight, and when it prepares more. Preparing in bursts (from REFILL_AT up to AHEAD) rather than
 * one item per answer runs n8n's expression evaluations back to back, which on n8n 2.x's isolate
 * costs about 30 % less per evaluation than interleaving each with I/O (docs/performance.md); a
 * burst of (AHEAD - REFILL_AT) × the bound still leaves REFILL_AT × the bound queued for the slots.
 */
const AHEAD = 8;
const REFILL_AT = 4;

/** A write's own item loop: n8n runs it instead of RoutingNode (`customOperations`). */
export function itemLoop(operation: RunnableOperation) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const inputs = this.getInputData();
		const { network, batch } = requestOptionsOf(this);
		const connection = connect(this, limitsOf(this.getNodeParameter('options', 0, {})), network);
		const { size } = connection.limiter;
		const itemAt = itemReader(this);
		const outputs: INodeExecutionData[][] = [];
		const running = new Set<Promise<void>>();
		let failure: { index: number; error: Error } | undefined;
		const fail = (index: number, error: Error) => {
			if (!failure || index < failure.index) failure = { index, error };
			// Without Continue On Fail the first failure stops the run: prepared items waiting for a
			// slot and the items after them are not sent.
			connection.limiter.close();
		};
		let sliceStarted = performance.now();
		for (let index = 0; index < inputs.length && !failure; index++) {
			if (batch && index > 0 && index % batch.size === 0) await sleep(batch.intervalMs);
			if (running.size >= AHEAD * size) {
				while (running.size > REFILL_AT * size && !failure) await Promise.race(running);
				if (failure) break;
			}
			const item = itemAt(index);
			const task: Promise<void> = runItem(this, connection, operation, item, prepareSafely(operation, item)).then(
				(items) => {
					outputs[index] = items;
				},
				(error: Error) => fail(index, error),
			);
			running.add(task);
			void task.then(() => running.delete(task));
			if (performance.now() - sliceStarted >= YIELD_EVERY_MS) {
				await sleep(0);
				sliceStarted = performance.now();
			}
		}
		await Promise.all(running);
		if (failure) throw failure.error;
		return [outputs.flat()];
	};
}

// ---- RoutingNode (reads) -------------------------------------------------------------------------

type RoutedRequest = DeclarativeRestApiSettings.ResultOptions;

/** One connection per running node (execution + node name), removed when its last item ends. */
const connections = new Map<string, { connection: Connection; users: number }>();

function enterRun(ctx: IExecutePaginationFunctions, network: NetworkOptions): [Connection, () => void] {
	const key = `${ctx.getExecutionId() ?? ''}\u0000${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}`;
	let entry = connections.get(key);
	if (!entry) {
		entry = { connection: connect(ctx, limitsOf(ctx.getNodeParameter('options', {})), network), users: 0 };
		connections.set(key, entry);
	}
	entry.users++;
	const entered = entry;
	return [
		entered.connection,
		() => {
			if (--entered.users === 0 && connections.get(key) === entered) connections.delete(key);
		},
	];
}

/**
 * Where the preSend leaves what it prepared: on the request options RoutingNode hands on to the
 * pagination function (a symbol key, so a copy of the options carries it too).
 */
const STAGED = Symbol('hellotext.staged');

interface Staged {
	[STAGED]?: { item: Item; prepared: PreparedRequest | Error };
}

/**
 * A read as RoutingNode runs it: the preparation as the operation's one preSend, and the runner as
 * its pagination function, which RoutingNode calls with the same request options object.
 */
export function routedSteps(operation: RunnableOperation): {
	preSend: PreSendAction;
	pagination: (this: IExecutePaginationFunctions, request: RoutedRequest) => Promise<INodeExecutionData[]>;
} {
	return {
		async preSend(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
			const item = itemOf(this);
			(options as Staged)[STAGED] = { item, prepared: prepareSafely(operation, item) };
			return options;
		},
		async pagination(this: IExecutePaginationFunctions, request: RoutedRequest) {
			const stage = (request.options as Staged)[STAGED];
			if (!stage) throw new Error('Hellotext: RoutingNode did not hand the prepared request to the pagination function');
			const { timeout, proxy, skipSslCertificateValidation } = request.options;
			const network = Object.fromEntries(
				Object.entries({ timeout, proxy, skipSslCertificateValidation }).filter(([, value]) => value !== undefined),
			) as NetworkOptions;
			const [connection, leave] = enterRun(this, network);
			try {
				return await runItem(this, connection, operation, stage.item, stage.prepared);
			} finally {
				leave();
			}
		},
	};
}
