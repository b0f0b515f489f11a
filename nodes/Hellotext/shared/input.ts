import { NodeOperationError, type IDataObject, type INode, type INodeProperties } from 'n8n-workflow';

/** Parses a JSON field's text (values already parsed by n8n pass through); refuses malformed JSON. */
function parseJson(node: INode, value: unknown, field: string, itemIndex: number): unknown {
	if (value !== null && typeof value === 'object') return value;
	try {
		return JSON.parse(String(value));
	} catch (error) {
		throw new NodeOperationError(node, `"${field}" is not valid JSON`, {
			itemIndex,
			description: (error as Error).message,
		});
	}
}

/** A JSON field's value as an object; a malformed one is refused naming the field. */
export function parseJsonObject(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	const parsed = parseJson(node, value, field, itemIndex);
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(node, `"${field}" must be a JSON object`, { itemIndex });
	}
	return parsed as IDataObject;
}

/** A JSON field's value as an array; a malformed one is refused naming the field. */
export function parseJsonArray(node: INode, value: unknown, field: string, itemIndex: number): unknown[] {
	const parsed = parseJson(node, value, field, itemIndex);
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

/**
 * A list of name/value rows (a fixed collection with `values: [{key, value}]`), read with
 * `pairsToObject`: metadata, named emails, custom properties.
 */
export function pairsField(spec: {
	displayName: string;
	name: string;
	/** One row's name, e.g. `Email` gives "Add Email". */
	rowName: string;
	keyName?: string;
	keyDescription?: string;
	description?: string;
	/** Replaces the key's plain text input, e.g. with a dropdown. */
	key?: Partial<INodeProperties>;
}): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${spec.rowName}`,
		default: {},
		description: spec.description,
		options: [
			{
				displayName: spec.rowName,
				name: 'values',
				values: [
					{
						displayName: spec.keyName ?? 'Name',
						name: 'key',
						type: 'string',
						default: '',
						description: spec.keyDescription,
						...spec.key,
					} as INodeProperties,
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}
