// Output schemas of the Hellotext node, derived from what each operation returns when it runs
// through n8n's engine against the sandbox. n8n serves them to the editor from
// <node folder>/__schema__/v<major.minor.patch>/<resource>/<operation>.json (n8n-core's
// resolveOutputSchemaPath) so a node's output fields show before it has run; the editor reads
// `type`, `properties` and `items` (the first of several types), as in n8n-nodes-base's files.
import path from 'node:path';

import { Engine } from '../support/engine';
import { createSandbox } from '../sandbox/index.ts';
import { buildWorld, describedOperations, OPERATION_INPUTS, place } from './operations';

export interface JsonSchema {
	type: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

export const ROOT = path.resolve(__dirname, '../..');
/**
 * Where the schemas are kept: the folder n8n reads for node version 1, next to the node's source
 * (the build copies it next to the compiled node as it is).
 */
export const SCHEMA_VERSION_DIR = 'v1.0.0';
export const SCHEMA_DIR = path.join(ROOT, 'nodes/Hellotext/__schema__', SCHEMA_VERSION_DIR);

/** "profile/create" → its file, relative to the schema folder. */
export const schemaFile = (operation: string) => `${operation}.json`;

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

const typesOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type : [schema.type]);

/** One schema that fits both; a value seen as a string and as null is `["string", "null"]`. */
function merge(a: JsonSchema | undefined, b: JsonSchema): JsonSchema {
	if (!a) return b;
	let types = [...new Set([...typesOf(a), ...typesOf(b)])];
	if (types.includes('number')) types = types.filter((type) => type !== 'integer');
	// The editor shows the first type: null only when nothing else was seen.
	types.sort((x, y) => Number(x === 'null') - Number(y === 'null'));
	const merged: JsonSchema = { type: types.length === 1 ? types[0] : types };
	if (a.properties || b.properties) {
		merged.properties = { ...a.properties };
		for (const [key, schema] of Object.entries(b.properties ?? {})) {
			merged.properties[key] = merge(merged.properties[key], schema);
		}
	}
	if (a.items || b.items) merged.items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
	return merged;
}

/** The schema of one JSON value. */
export function schemaOf(value: unknown): JsonSchema {
	const type = typeOf(value);
	if (type === 'object') {
		return {
			type,
			properties: Object.fromEntries(Object.entries(value as object).map(([key, entry]) => [key, schemaOf(entry)])),
		};
	}
	if (type === 'array') {
		const items = (value as unknown[]).map(schemaOf).reduce<JsonSchema | undefined>(merge, undefined);
		return items ? { type, items } : { type };
	}
	return { type };
}

/** The schema that fits every one of the values. */
export const schemaOfAll = (values: unknown[]) => values.map(schemaOf).reduce<JsonSchema | undefined>(merge, undefined);

export const serialize = (schema: JsonSchema) => `${JSON.stringify(schema, null, '\t')}\n`;

/**
 * Runs every operation of the node description with its inputs from OPERATION_INPUTS, each on a
 * freshly built world, and returns the schema of its output items by "resource/operation".
 */
export async function generateSchemas(): Promise<Record<string, JsonSchema>> {
	const operations = describedOperations();
	const unknown = Object.keys(OPERATION_INPUTS).filter((key) => !operations.includes(key));
	const missing = operations.filter((key) => !OPERATION_INPUTS[key]);
	if (unknown.length || missing.length) {
		throw new Error(
			`test/schemas/operations.ts is out of step with the node: ` +
				`${missing.length ? `no inputs for ${missing.join(', ')}` : ''}${unknown.length ? `; not operations of the node: ${unknown.join(', ')}` : ''}`,
		);
	}
	const sandbox = createSandbox('schema-token');
	const engine = new Engine({ baseUrl: await sandbox.start(0), token: sandbox.token });
	const schemas: Record<string, JsonSchema> = {};
	try {
		for (const operation of operations) {
			sandbox.reset();
			const world = buildWorld(sandbox);
			const outputs: unknown[] = [];
			for (const inputs of ([] as object[]).concat(OPERATION_INPUTS[operation](world))) {
				const { items, error } = await engine.run(place(operation, inputs));
				if (error) throw new Error(`${operation} failed: ${error.message}`);
				outputs.push(...items.map((item) => item.json));
			}
			const schema = schemaOfAll(outputs);
			if (!schema?.properties || Object.keys(schema.properties).length === 0) {
				throw new Error(`${operation} returned no fields to describe`);
			}
			schemas[operation] = schema;
		}
	} finally {
		await sandbox.stop();
	}
	return schemas;
}
