/**
 * Every check made before a request is sent refuses through `refuse`: the message names the field
 * (as the user sees it) and the problem, the error names the item, and nothing is sent for it.
 * With Continue On Fail the item becomes an error item like a failed request (run.ts).
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { isBlank, type Item } from './item';

/** Where a refusal happens: the node and the input item. An Item is one. */
export interface Where {
	node: INode;
	index: number;
}

export function refuse(at: Where, message: string, description?: string): never {
	throw new NodeOperationError(at.node, message, { itemIndex: at.index, description });
}

/** A required field (a locator's picked value too) that an expression left empty is refused. */
export function requireText(item: Item, name: string, label: string, why = ''): string {
	const value = item.id(name);
	if (value === undefined) refuse(item, `"${label}" is required${why}`);
	return value;
}

/** An absolute http(s) URL, trimmed. */
export function httpUrl(at: Where, value: unknown, label: string): string {
	const text = String(value ?? '').trim();
	let ok = false;
	try {
		const url = new URL(text);
		ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		ok = false;
	}
	if (!ok) refuse(at, `"${label}" is not a valid http(s) URL: ${text}`);
	return text;
}

/**
 * A phone number in E.164 (`+` and 8 to 15 digits), after removing the spaces, dashes, dots and
 * parentheses people write numbers with.
 */
export function e164(at: Where, value: unknown, label: string): string {
	const text = String(value ?? '').trim();
	const phone = text.replace(/[\s\-.()]/g, '');
	if (!/^\+[1-9]\d{7,14}$/.test(phone)) {
		refuse(at, `"${label}" must be a phone number in E.164 format, e.g. +12025550143`, `Got "${text}".`);
	}
	return phone;
}

/** Text of at most `max` characters (a limit the API documents). */
export function maxLength(at: Where, value: unknown, max: number, label: string): void {
	if (isBlank(value)) return;
	const length = [...String(value)].length;
	if (length > max) refuse(at, `"${label}" is ${length} characters long: at most ${max} are allowed`);
}
