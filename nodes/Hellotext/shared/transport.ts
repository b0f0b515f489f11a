import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IAllExecuteFunctions,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';

import { hellotextApiError } from './errors';

/** The API's largest page. */
export const MAX_PAGE_SIZE = 100;
/** 5,000 pages of 100: half a million objects, far past any sane single run. */
export const MAX_PAGES = 5_000;

type RoutedRequest = DeclarativeRestApiSettings.ResultOptions;

/**
 * Every operation routes through here (the node sets `paginate: true` on all of them), so this is
 * the one place a request leaves the node.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	request: RoutedRequest,
): Promise<INodeExecutionData[]> {
	return await this.makeRoutingRequest(request);
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
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const wanted = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', 50) as number);
	const results: INodeExecutionData[] = [];
	const baseQuery: IDataObject = { ...(request.options.qs as IDataObject) };
	let cursor: string | undefined;

	for (let page = 0; page < MAX_PAGES; page++) {
		const pageSize = Math.min(MAX_PAGE_SIZE, wanted - results.length);
		const qs: IDataObject = { ...baseQuery, limit: pageSize };
		if (cursor !== undefined) qs.starting_after = cursor;
		const items = await sendRoutedRequest.call(this, {
			...request,
			options: { ...request.options, qs },
		});
		for (const item of items) results.push(item);
		if (items.length < pageSize || results.length >= wanted) return results;

		const lastId = items[items.length - 1].json.id;
		if (typeof lastId !== 'string' || lastId === '' || lastId === cursor) {
			throw new NodeOperationError(
				this.getNode(),
				'Hellotext pagination stopped moving: the page ended without a new cursor ID',
				{ itemIndex: this.getItemIndex() },
			);
		}
		cursor = lastId;
	}
	throw new NodeOperationError(
		this.getNode(),
		`Stopped after ${MAX_PAGES} pages (${results.length} objects): narrow the request with filters or use a Limit`,
		{ itemIndex: this.getItemIndex() },
	);
}

export const CREDENTIAL_NAME = 'hellotextApi';

/** The credential's base URL with `/v1`, without a trailing slash. */
export function apiBaseUrl(baseUrl: unknown): string {
	const root = typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : 'https://api.hellotext.com';
	return `${root.replace(/\/+$/, '')}/v1`;
}

type RequestContext = IAllExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * For code outside the declarative routing (list searches, dropdowns, the trigger,
 * create-or-update): one authenticated request, a non-2xx answer thrown as a readable error.
 */
export async function hellotextRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; itemIndex?: number } = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, {
		method,
		baseURL: apiBaseUrl(credentials.baseUrl),
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
}
