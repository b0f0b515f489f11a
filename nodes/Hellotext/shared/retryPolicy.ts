import { NodeApiError, sleep, type IHttpRequestMethods, type INode } from 'n8n-workflow';

/** Attempts in all, the first included. */
export const MAX_ATTEMPTS = 5;
/** No single wait is longer than this, whatever Retry-After asks. */
export const MAX_WAIT_MS = 30_000;
const BACKOFF_BASE_MS = 250;

/** Methods that may be sent again after a 5xx or a dropped connection: they do not create. */
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PATCH', 'PUT', 'DELETE']);
const RETRYABLE_STATUS = new Set([502, 503, 504]);
/** The request never reached the server: safe to send again whatever the method. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** The request may have reached the server. */
const MAYBE_SENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT']);

/** What a failed attempt was, as far as retrying is concerned. */
export interface FailureFacts {
	status?: number;
	/** A network error code (ECONNRESET, ...). */
	code?: string;
	/** Retry-After, in milliseconds, when the server sent one. */
	retryAfterMs?: number;
}

/** Reads Retry-After: delay seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type RetryDecision = { retry: true; waitMs: number } | { retry: false; outcomeUnknown: boolean };

/**
 * The rules: 429 is retried on every method, after Retry-After when given; 502/503/504 and
 * dropped connections only for methods that do not create (a POST that may have reached the
 * server is never sent twice); a refused connection on any method, since nothing was sent.
 */
export function decideRetry(method: IHttpRequestMethods, facts: FailureFacts, attempt: number): RetryDecision {
	const idempotent = IDEMPOTENT.has(method);
	const droppedAfterSending = facts.code !== undefined && MAYBE_SENT_CODES.has(facts.code);
	const maybeSent = (facts.status !== undefined && facts.status >= 500) || droppedAfterSending;
	const retryable =
		facts.status === 429 ||
		(facts.code !== undefined && NOT_SENT_CODES.has(facts.code)) ||
		(idempotent && ((facts.status !== undefined && RETRYABLE_STATUS.has(facts.status)) || droppedAfterSending));
	if (!retryable || attempt >= MAX_ATTEMPTS) {
		return { retry: false, outcomeUnknown: !idempotent && maybeSent };
	}
	const backoff = BACKOFF_BASE_MS * 2 ** (attempt - 1);
	const jitter = Math.floor(Math.random() * BACKOFF_BASE_MS);
	return { retry: true, waitMs: Math.min(MAX_WAIT_MS, facts.retryAfterMs ?? backoff + jitter) };
}

const NETWORK_CODE = /\b(E[A-Z]{3,}|socket hang up)\b/;

/** The network error code of an error, wherever n8n or axios put it. */
function networkCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; httpCode?: unknown; cause?: unknown; errorResponse?: unknown; messages?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code)) return current.code;
		// n8n 1.x's NodeApiError keeps a network error's code as its httpCode (ECONNABORTED...).
		if (typeof current.httpCode === 'string' && /^E[A-Z]+$/.test(current.httpCode)) return current.httpCode;
		for (const text of Array.isArray(current.messages) ? current.messages : []) {
			const match = typeof text === 'string' ? NETWORK_CODE.exec(text) : null;
			if (match) return match[1] === 'socket hang up' ? 'ECONNRESET' : match[1];
		}
		current = (current.cause ?? current.errorResponse) as typeof current;
	}
	return undefined;
}

/** Facts about an error thrown by a request: ours (with httpCode/retryAfterMs) or n8n's. */
export function failureFacts(error: unknown): FailureFacts {
	const e = error as { httpCode?: string; retryAfterMs?: number };
	const status = e.httpCode !== undefined && /^\d{3}$/.test(e.httpCode) ? Number(e.httpCode) : undefined;
	return { status, code: status === undefined ? networkCode(error) : undefined, retryAfterMs: e.retryAfterMs };
}

/** How to find out what became of a write whose outcome is unknown (the error's description). */
const DEFAULT_RECONCILE = 'Check in Hellotext whether the object was created before running this item again.';

/** Sends with `attempt` until it succeeds or the policy says stop; then throws a readable error. */
export async function withRetries<T>(
	node: INode,
	method: IHttpRequestMethods,
	attempt: () => Promise<T>,
	itemIndex?: number,
	reconcile = DEFAULT_RECONCILE,
): Promise<T> {
	for (let attemptNumber = 1; ; attemptNumber++) {
		try {
			return await attempt();
		} catch (error) {
			const facts = failureFacts(error);
			const decision = decideRetry(method, facts, attemptNumber);
			if (decision.retry) {
				await sleep(decision.waitMs);
				continue;
			}
			throw explainFailure(node, method, error, facts, decision.outcomeUnknown, attemptNumber, itemIndex, reconcile);
		}
	}
}

function explainFailure(
	node: INode,
	method: IHttpRequestMethods,
	error: unknown,
	facts: FailureFacts,
	outcomeUnknown: boolean,
	attempts: number,
	itemIndex: number | undefined,
	reconcile: string,
): Error {
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	if (outcomeUnknown) {
		const what = facts.status ? `HTTP ${facts.status}` : (facts.code ?? 'a network error');
		return plainApiError(node, `The outcome of this ${method} is unknown (${what}): Hellotext may have carried it out, so it was not sent again`, {
			description: reconcile,
			httpCode: facts.status ? String(facts.status) : undefined,
			itemIndex,
		});
	}
	if (error instanceof NodeApiError && facts.status !== undefined) {
		if (tries) error.message = `${error.message}${tries}`;
		return error;
	}
	if (facts.code) {
		// A fresh error: the original carries the request configuration, headers included.
		return plainApiError(node, `Could not reach Hellotext (${facts.code})${tries}`, {
			description: 'Check the Base URL in the Hellotext credential and the network.',
			itemIndex,
		});
	}
	return error as Error;
}

/**
 * A NodeApiError with exactly this message. (NodeApiError rewrites messages it recognises, e.g.
 * ECONNRESET; and a fresh error carries none of the request configuration, headers included.)
 */
function plainApiError(
	node: INode,
	message: string,
	options: { description?: string; httpCode?: string; itemIndex?: number },
): NodeApiError {
	const error = new NodeApiError(node, { message }, { message, ...options });
	error.message = message;
	if (options.description) error.description = options.description;
	return error;
}
