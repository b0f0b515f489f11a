import { refuse, type Where } from './refusals';

/**
 * Turns a user-supplied id (or reference, sku, list name) into exactly one URL path segment.
 * encodeURIComponent covers `/ ? # %`, spaces and unicode; `.` and `..` are refused because a
 * URL parser folds them into the parent path even when percent-encoded.
 */
export function encodeId(at: Where, value: unknown, field: string): string {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '') {
		refuse(at, `"${field}" is empty: give the ID of the object`, 'This operation needs an ID in its URL path and none was given.');
	}
	if (text === '.' || text === '..') {
		refuse(at, `"${field}" cannot be "${text}"`, 'A path segment of only dots would address a different URL.');
	}
	return encodeURIComponent(text);
}
