/**
 * The one way a request leaves the package: the credential's base URL and token, the bound on
 * requests in flight, the retry policy, and non-2xx answers made readable errors. Operations
 * (run.ts), list searches, dropdowns and the trigger all send through `sendRequest`.
 */
import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IExecutePaginationFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type IPollFunctions,
} from 'n8n-workflow';

import { hellotextApiError } from './errors';
import { RequestLimiter } from './limiter';
import type { PreparedRequest } from './request';
import { withRetries } from './retryPolicy';

export const CREDENTIAL_NAME = 'hellotextApi';

/** The icon and credential both Hellotext nodes declare. */
export const HELLOTEXT_ICON = {
	light: 'file:../../icons/hellotext.svg',
	dark: 'file:../../icons/hellotext.dark.svg',
} as const;
export const HELLOTEXT_CREDENTIALS = [{ name: CREDENTIAL_NAME, required: true }];
export const DEFAULT_BASE_URL = 'https://api.hellotext.com';
export const DEFAULT_MAX_IN_FLIGHT = 5;
/** What n8n's declarative nodes wait for an answer when Request Options set no timeout. */
const DEFAULT_TIMEOUT_MS = 300_000;

/** The credential's base URL with `/v1`; anything but http(s) is refused. */
export function apiBaseUrl(baseUrl: unknown, context?: { getNode: IExecuteFunctions['getNode'] }): string {
	const root = typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : DEFAULT_BASE_URL;
	if (!/^https?:\/\/[^/\s]+/i.test(root)) {
		const message = 'The Base URL in the Hellotext credential must start with http:// or https://';
		if (context) throw new NodeOperationError(context.getNode(), message);
		throw new Error(message);
	}
	// People paste the API's root or the versioned root; both mean the same API.
	return `${root.replace(/\/+$/, '').replace(/\/v1$/i, '')}/v1`;
}

export type RequestContext = IExecuteFunctions | IExecutePaginationFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The HTTP options n8n's Request Options give every request: timeout, proxy, invalid certificates. */
export type NetworkOptions = Pick<IHttpRequestOptions, 'timeout' | 'proxy' | 'skipSslCertificateValidation'>;

/** What one run of the node sends with: read once, shared by all its items. */
export interface Connection {
	/** The node, read once for the run (n8n deep-copies it on every getNode()). */
	node: INode;
	limiter: RequestLimiter;
	/** The credential, decrypted once for the run: passed to every request. */
	credentials: Promise<ICredentialDataDecryptedObject>;
	baseUrl: Promise<string>;
	network: NetworkOptions;
	/** What the run loaded once for all its items (run.ts `once`). */
	loaded: Map<string, Promise<unknown>>;
}

/**
 * A connection for one run. `inFlight` and `pauseMs` come from the node's Options (the bound on
 * requests in flight, the pause between batches); `network` from n8n's Request Options.
 */
export function connect(
	ctx: RequestContext,
	limits: { inFlight?: unknown; pauseMs?: unknown } = {},
	network: NetworkOptions = {},
): Connection {
	const size = Math.max(1, Math.floor(Number(limits.inFlight ?? DEFAULT_MAX_IN_FLIGHT)) || 1);
	const pauseMs = Math.max(0, Number(limits.pauseMs ?? 0) || 0);
	const credentials = ctx.getCredentials(CREDENTIAL_NAME);
	const baseUrl = credentials.then((data) => apiBaseUrl(data.baseUrl, ctx));
	// Awaited by the first request; a failure surfaces there, for the item that made it.
	baseUrl.catch(() => undefined);
	return {
		node: ctx.getNode(),
		limiter: new RequestLimiter(size, pauseMs),
		credentials,
		baseUrl,
		network: { ...network, timeout: network.timeout ?? DEFAULT_TIMEOUT_MS },
		loaded: new Map(),
	};
}

export interface ApiResponse {
	status: number;
	body: unknown;
	headers: IDataObject;
}

/**
 * One request under the bound and the retry policy. A non-2xx answer throws the readable error
 * (errors.ts), which names `request.target` on a 404 and the item.
 */
export async function sendRequest(
	ctx: RequestContext,
	connection: Connection,
	request: PreparedRequest,
	itemIndex?: number,
): Promise<ApiResponse> {
	const { node } = connection;
	const [data, baseURL] = await Promise.all([connection.credentials, connection.baseUrl]);
	const credential = node.credentials?.[CREDENTIAL_NAME];
	const credentialsDecrypted = { id: credential?.id ?? '', name: credential?.name ?? '', type: CREDENTIAL_NAME, data };
	return await withRetries(
		node,
		request.method,
		async () =>
			await connection.limiter.run(async () => {
				const response = (await ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					CREDENTIAL_NAME,
					{
						...connection.network,
						method: request.method,
						baseURL,
						url: request.url,
						qs: request.qs,
						body: request.body,
						headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
						json: true,
						ignoreHttpStatusErrors: true,
						returnFullResponse: true,
					},
					{ credentialsDecrypted },
				)) as IN8nHttpFullResponse;
				if (response.statusCode < 200 || response.statusCode >= 300) {
					throw hellotextApiError(node, response.statusCode, response.body, response.headers, {
						target: request.target,
						itemIndex,
					});
				}
				return { status: response.statusCode, body: response.body, headers: response.headers };
			}),
		itemIndex,
		request.reconcile,
	);
}

/**
 * For code outside the operations (list searches, dropdowns, the trigger): one request with a
 * connection of its own, the answer's body when it is 2xx.
 */
export async function hellotextRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; itemIndex?: number } = {},
): Promise<IDataObject> {
	const response = await sendRequest(this, connect(this), { method, url: path, qs: options.qs ?? {}, body: options.body }, options.itemIndex);
	return (response.body ?? {}) as IDataObject;
}
