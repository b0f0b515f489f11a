import type { IDataObject, INode } from 'n8n-workflow';

import { buildMetadata, isBlank, normalizeAmount, normalizeCurrency, refuse } from '../../shared/commerce';
import { pairsToObject, parseJsonObject } from '../../shared/input';
import { toEpochSeconds } from './epoch';

/** The value of a resource locator (or a plain string), trimmed; undefined when empty. */
export function locatorValue(value: unknown): string | undefined {
	const raw = value !== null && typeof value === 'object' ? (value as IDataObject).value : value;
	if (raw === undefined || raw === null) return undefined;
	const text = String(raw).trim();
	return text === '' ? undefined : text;
}

/**
 * A hash from its JSON field and its name/value pairs (pairs win on the same name); undefined
 * when both are empty. Malformed JSON is refused naming the field.
 */
export function readHash(
	node: INode,
	pairs: unknown,
	json: unknown,
	label: string,
	itemIndex: number,
): IDataObject | undefined {
	const emptyJson = json === undefined || json === null || (typeof json === 'string' && json.trim() === '');
	const fromJson = emptyJson ? {} : parseJsonObject(node, json, `${label} (JSON)`, itemIndex);
	const fromPairs = pairsToObject(node, pairs as never, label, itemIndex) ?? {};
	const hash = { ...fromJson, ...fromPairs };
	return Object.keys(hash).length > 0 ? hash : undefined;
}

/**
 * amount, currency, metadata, tracked_at and url from a collection of event fields, each only
 * when set. Currency must be an ISO 4217 code, the date a valid one, the URL an http(s) URL.
 */
export function eventValues(
	node: INode,
	fields: IDataObject,
	timezone: string,
	itemIndex: number,
): IDataObject {
	const ctx = { node, itemIndex };
	const body: IDataObject = {};
	if (!isBlank(fields.amount)) body.amount = normalizeAmount(ctx, fields.amount, 'Amount');
	if (!isBlank(fields.currency)) body.currency = normalizeCurrency(ctx, fields.currency, 'Currency');
	const metadata = buildMetadata(ctx, fields);
	if (metadata) body.metadata = metadata;
	if (!isBlank(fields.trackedAt)) {
		const epoch = toEpochSeconds(fields.trackedAt, timezone);
		if (epoch === undefined) refuse(ctx, `"Tracked At" is not a valid date: ${String(fields.trackedAt)}`);
		body.tracked_at = epoch;
	}
	if (typeof fields.url === 'string' && fields.url.trim() !== '') {
		const url = fields.url.trim();
		if (!isHttpUrl(url)) refuse(ctx, `"URL" is not a valid http(s) URL: ${url}`);
		body.url = url;
	}
	return body;
}

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}
