import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

/** A JSON field's value as an object; a malformed one is refused naming the field. */
export function parseJsonObject(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	let parsed: unknown;
	try {
		parsed = JSON.parse(String(value));
	} catch (error) {
		throw new NodeOperationError(node, `"${field}" is not valid JSON`, {
			itemIndex,
			description: (error as Error).message,
		});
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(node, `"${field}" must be a JSON object`, { itemIndex });
	}
	return parsed as IDataObject;
}

/** A JSON field's value as an array; a malformed one is refused naming the field. */
export function parseJsonArray(node: INode, value: unknown, field: string, itemIndex: number): unknown[] {
	if (Array.isArray(value)) return value;
	let parsed: unknown;
	try {
		parsed = JSON.parse(String(value));
	} catch (error) {
		throw new NodeOperationError(node, `"${field}" is not valid JSON`, {
			itemIndex,
			description: (error as Error).message,
		});
	}
	if (!Array.isArray(parsed)) {
		throw new NodeOperationError(node, `"${field}" must be a JSON array`, { itemIndex });
	}
	return parsed;
}

interface KeyValue {
	key?: unknown;
	value?: unknown;
}

/**
 * Name/value pairs of a fixed collection as one object, e.g. Emails {work: a@b.c}; a pair
 * without a name is refused rather than sent as an empty key.
 */
export function pairsToObject(
	node: INode,
	pairs: { values?: KeyValue[] } | undefined,
	field: string,
	itemIndex: number,
): IDataObject | undefined {
	const values = pairs?.values ?? [];
	if (values.length === 0) return undefined;
	const result: IDataObject = {};
	for (const { key, value } of values) {
		const name = typeof key === 'string' ? key.trim() : String(key ?? '');
		if (!name) {
			throw new NodeOperationError(node, `"${field}" has an entry without a name`, { itemIndex });
		}
		result[name] = (value ?? '') as IDataObject[string];
	}
	return result;
}
