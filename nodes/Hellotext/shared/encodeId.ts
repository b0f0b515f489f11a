import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Turns a user-supplied id (or reference, sku, list name) into exactly one URL path segment.
 * encodeURIComponent covers `/ ? # %`, spaces and unicode; `.` and `..` are refused because a
 * URL parser folds them into the parent path even when percent-encoded.
 */
export function encodeId(node: INode, value: unknown, field: string, itemIndex?: number): string {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new NodeOperationError(node, `"${field}" is empty: give the ID of the object`, {
			itemIndex,
			description: 'This operation needs an ID in its URL path and none was given.',
		});
	}
	if (text === '.' || text === '..') {
		throw new NodeOperationError(node, `"${field}" cannot be "${text}"`, {
			itemIndex,
			description: 'A path segment of only dots would address a different URL.',
		});
	}
	return encodeURIComponent(text);
}
