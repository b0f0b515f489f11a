import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IAllExecuteFunctions,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type IPollFunctions,
	type PreSendAction,
} from 'n8n-workflow';

import { cursorPages, MAX_PAGE_SIZE, MAX_PAGES } from './cursor';
import { asNodeError, hellotextApiError } from './errors';
import { RequestLimiter } from './limiter';
import { readParameter } from './parameters';
import { withRetries } from './retryPolicy';
import { refuseRenamedVersion1 } from './version1';

export { MAX_PAGE_SIZE, MAX_PAGES } from './cursor';

export const CREDENTIAL_NAME = 'hellotextApi';
export const DEFAULT_BASE_URL = 'https://api.hellotext.com';
export const DEFAULT_MAX_IN_FLIGHT = 5;

type RoutedRequest = DeclarativeRestApiSettings.ResultOptions;

/** The credential's base URL with `/v1`; anything but http(s) is refused. */
export function apiBaseUrl(baseUrl: unknown, context?: { getNode: IExecuteSingleFunctions['getNode'] }): string {
	const root = typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : DEFAULT_BASE_URL;
	if (!/^https?:\/\/[^/\s]+/i.test(root)) {
		const message = 'The Base URL in the Hellotext credential must start with http:// or https://';
		if (context) throw new NodeOperationError(context.getNode(), message);
		throw new Error(message);
	}
	// People paste the API's root or the versioned root; both mean the same API.
	return `${root.replace(/\/+$/, '').replace(/\/v1$/i, '')}/v1`;
}

// ---- per-run state -------------------------------------------------------------------------

interface RunState {
	limiter: RequestLimiter;
	baseUrl: Promise<string>;
	users: number;
}

/** One entry per running node (execution + node name); removed when its last request ends. */
const runs = new Map<string, RunState>();

function runKey(ctx: IExecuteSingleFunctions): string {
	return `${ctx.getExecutionId() ?? ''}\u0000${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}`;
}

function enterRun(ctx: IExecuteSingleFunctions): [RunState, () => void] {
	const key = runKey(ctx);
	let state = runs.get(key);
	if (!state) {
		const options = ctx.getNodeParameter('options', {}) as IDataObject;
		const size = Math.max(1, Math.floor(Number(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)) || 1);
		const pauseMs = Math.max(0, Number(options.batchPauseMs ?? 0) || 0);
		// The credential is read once per run: an expression in requestDefaults would be
		// evaluated (in n8n's expression isolate) twice for every item.
		const baseUrl = ctx.getCredentials(CREDENTIAL_NAME).then((c) => apiBaseUrl(c.baseUrl, ctx));
		baseUrl.catch(() => undefined);
		state = { limiter: new RequestLimiter(size, pauseMs), baseUrl, users: 0 };
		runs.set(key, state);
	}
	state.users++;
	const entered = state;
	return [
		entered,
		() => {
			if (--entered.users === 0 && runs.get(key) === entered) runs.delete(key);
		},
	];
}

// ---- validation errors found before sending --------------------------------------------------

/**
 * A preSend that fails is caught and parked here, so that it surfaces from the same place as a
 * failed request: one error path, and with Continue On Fail the same kind of output item.
 */
const parkedErrors = new WeakMap<object, Error>();

export function guardPreSend(action: PreSendAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		if (parkedErrors.has(request)) return request;
		try {
			return await action.call(this, request);
		} catch (error) {
			parkedErrors.set(request, error as Error);
			return request;
		}
	};
}

// ---- the one way out -----------------------------------------------------------------------

function errorItem(ctx: IExecuteSingleFunctions, error: Error): INodeExecutionData {
	const e = error as Error & { description?: string; httpCode?: string };
	const itemIndex = ctx.getItemIndex();
	const json: IDataObject = { error: e.message, itemIndex };
	if (e.description) json.description = e.description;
	if (e.httpCode) json.httpCode = e.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/** One request through the limiter and the retry policy, with the credential's base URL. */
async function sendOnce(
	ctx: IExecutePaginationFunctions,
	state: RunState,
	request: RoutedRequest,
): Promise<INodeExecutionData[]> {
	const method = (request.options.method ?? 'GET') as IHttpRequestMethods;
	const baseURL = await state.baseUrl;
	return await withRetries(
		ctx.getNode(),
		method,
		async () =>
			await state.limiter.run(
				async () => await ctx.makeRoutingRequest({ ...request, options: { ...request.options, baseURL } }),
			),
		ctx.getItemIndex(),
	);
}

export type Sender = (request: RoutedRequest) => Promise<INodeExecutionData[]>;

/** Runs `body` with a sender bound to this run; maps every failure the same way. */
async function routed(
	ctx: IExecutePaginationFunctions,
	request: RoutedRequest,
	body: (send: Sender) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const [state, leave] = enterRun(ctx);
	try {
		refuseRenamedVersion1(ctx.getNode(), ctx.getItemIndex());
		const parked = parkedErrors.get(request.options);
		if (parked) throw parked;
		return await body(async (r) => await sendOnce(ctx, state, r));
	} catch (error) {
		const nodeError = asNodeError(ctx.getNode(), error);
		if (ctx.continueOnFail()) return [errorItem(ctx, nodeError)];
		throw nodeError;
	} finally {
		leave();
	}
}

/**
 * Every operation routes through here (each sets `paginate: true`), so this is the one place a
 * request leaves the node: bounded in flight, retried by the policy, errors made readable.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	request: RoutedRequest,
): Promise<INodeExecutionData[]> {
	return await routed(this, request, async (send) => await send(request));
}

export type RoutedFlow = (
	this: IExecutePaginationFunctions,
	send: Sender,
	request: RoutedRequest,
) => Promise<INodeExecutionData[]>;

/**
 * An operation that needs more than one request (e.g. find, then create or update): the flow
 * gets a sender with the same limiter, retries and error handling as every other request.
 */
export function routedFlow(flow: RoutedFlow) {
	return async function (this: IExecutePaginationFunctions, request: RoutedRequest) {
		return await routed(this, request, async (send) => await flow.call(this, send, request));
	};
}

/**
 * Cursor pagination for every Get Many. Lists are newest first; the next page is the one
 * `starting_after` the last id seen. Unlike n8n's generic pagination this keeps the filters in
 * the query string on every page, and asks for no more than the Limit still needs.
 */
export async function startingAfterPaginator(
	this: IExecutePaginationFunctions,
	request: RoutedRequest,
): Promise<INodeExecutionData[]> {
	return await routed(this, request, async (send) => {
		const returnAll = readParameter<boolean>(this, 'returnAll', false);
		const wanted = returnAll ? Number.POSITIVE_INFINITY : readParameter<number>(this, 'limit', 50);
		if (!returnAll && (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_LIMIT)) {
			throw new NodeOperationError(this.getNode(), `"Limit" must be a whole number from 1 to ${MAX_LIMIT}`, {
				itemIndex: this.getItemIndex(),
				description: 'Use Return All to get everything.',
			});
		}
		const results: INodeExecutionData[] = [];
		const pages = cursorPages(
			this.getNode(),
			async (qs) => await send({ ...request, options: { ...request.options, qs } }),
			{
				query: request.options.qs as IDataObject,
				idOf: (item) => item.json.id,
				pageSize: () => Math.min(MAX_PAGE_SIZE, wanted - results.length),
				tooManyPages: `Stopped after ${MAX_PAGES} pages: narrow the request with filters or use a Limit`,
				itemIndex: this.getItemIndex(),
			},
		);
		for await (const items of pages) {
			for (const item of items) results.push(item);
			if (results.length >= wanted) break;
		}
		return results;
	});
}

/** The largest Limit the UI allows; Return All goes beyond. */
export const MAX_LIMIT = 10_000;

// ---- requests outside the declarative routing -------------------------------------------------

type RequestContext = IAllExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * For code outside the declarative routing (list searches, dropdowns, the trigger,
 * create-or-update): one authenticated request under the same retry policy, a non-2xx answer
 * thrown as a readable error.
 */
export async function hellotextRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; itemIndex?: number } = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const baseURL = apiBaseUrl(credentials.baseUrl, this);
	return await withRetries(
		this.getNode(),
		method,
		async () => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, {
				method,
				baseURL,
				url: path,
				qs: options.qs,
				body: options.body,
				json: true,
				ignoreHttpStatusErrors: true,
				returnFullResponse: true,
			})) as IN8nHttpFullResponse;
			if (response.statusCode < 200 || response.statusCode >= 300) {
				throw hellotextApiError(this.getNode(), response.statusCode, response.body, response.headers, {
					itemIndex: options.itemIndex,
				});
			}
			return response.body as IDataObject;
		},
		options.itemIndex,
	);
}
