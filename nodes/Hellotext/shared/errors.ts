import { NodeApiError, NodeOperationError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { parseRetryAfter } from './retryPolicy';

interface HellotextErrorEntry {
	type?: string;
	message?: string;
	description?: string;
	parameter?: string;
}

/** Reads both documented error shapes: `{errors: [...]}` and a single `{error: {...}}`. */
export function readErrorEntries(body: unknown): HellotextErrorEntry[] {
	if (!body || typeof body !== 'object') return [];
	const { errors, error } = body as { errors?: unknown; error?: unknown };
	const raw = Array.isArray(errors) ? errors : error !== undefined ? [error] : [];
	return raw.map((entry) =>
		typeof entry === 'string' ? { message: entry } : ((entry ?? {}) as HellotextErrorEntry),
	);
}

function describeEntry(entry: HellotextErrorEntry): string {
	const text = entry.message ?? entry.description ?? '';
	const kind = entry.type ?? 'error';
	const head = entry.parameter ? `Hellotext rejected "${entry.parameter}": ${kind}` : `Hellotext: ${kind}`;
	return text ? `${head} - ${text}` : head;
}

export interface ErrorContext {
	/** What the request addressed, e.g. `profile "MzYwlE50"`, for 404 messages. */
	target?: string;
	itemIndex?: number;
}

/**
 * Builds the one error every Hellotext failure becomes: the message names the parameter and the
 * problem, the description lists every error the API returned, and the HTTP code is kept.
 */
export function hellotextApiError(
	node: INode,
	statusCode: number,
	body: unknown,
	headers: IDataObject = {},
	errorContext: ErrorContext = {},
): NodeApiError {
	const entries = readErrorEntries(body);
	const described = entries.map(describeEntry);
	let message: string;
	let description: string | undefined = described.length > 1 ? described.join('\n') : undefined;
	if (statusCode === 401) {
		message = 'The Hellotext API token was rejected (401): check the token in the Hellotext credential';
		description = described.join('\n') || undefined;
	} else if (statusCode === 403) {
		message =
			'Hellotext refused the request (403): the business account’s plan or state does not allow it';
		description = described.join('\n') || undefined;
	} else if (statusCode === 429) {
		message = 'Hellotext is rate limiting requests (429)';
		description = described.join('\n') || undefined;
	} else if (statusCode === 404) {
		const parameter = entries.find((entry) => entry.parameter)?.parameter;
		message = errorContext.target
			? `Hellotext has no ${errorContext.target} (404)`
			: parameter
				? `Hellotext did not find the object given as "${parameter}" (404)`
				: 'Hellotext did not find the requested object (404)';
		description = described.join('\n') || undefined;
	} else if (described.length > 0) {
		message =
			described.length > 1
				? `${described[0]} (and ${described.length - 1} more, HTTP ${statusCode})`
				: `${described[0]} (HTTP ${statusCode})`;
	} else {
		message = `Hellotext answered HTTP ${statusCode}`;
	}
	const error = new NodeApiError(
		node,
		{ statusCode, body: (body ?? null) as JsonObject[string], headers } as unknown as JsonObject,
		{ message, description, httpCode: String(statusCode), itemIndex: errorContext.itemIndex },
	);
	// NodeApiError replaces some messages by status code; keep ours, it names the parameter.
	error.message = message;
	if (description !== undefined) error.description = description;
	const retryAfterMs = parseRetryAfter(headers['retry-after']);
	if (retryAfterMs !== undefined) Object.assign(error, { retryAfterMs });
	return error;
}

/** Errors leave the node as NodeApiError or NodeOperationError, whatever raised them. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : new Error(String(error)));
}
