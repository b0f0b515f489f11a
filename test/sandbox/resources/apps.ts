import { ApiError, invalid, missing, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';

export const notUnique = (parameter: string) =>
	new ApiError(422, 'parameter_not_unique', 'The value must be unique and it is already present in another object of the same type.', parameter);

/** An absolute http(s) URL (product url, template header and button URLs, message attachments, short links). */
export const isHttpUrl = (value: Json | undefined): value is string =>
	typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/** A phone number in E.164 (message destinations, template phone buttons). */
export const E164 = /^\+[1-9]\d{7,14}$/;

/** A required parameter: absent is parameter_missing, empty is parameter_invalid_empty (both 400). */
export function requireValue(body: JsonObject, parameter: string): void {
	const value = body[parameter];
	if (value === undefined || value === null) throw missing(parameter);
	if (value === '') throw new ApiError(400, 'parameter_invalid_empty', 'This required parameter has an empty value. Provide a valid value for the parameter.', parameter);
}

export interface SimpleCollection {
	/** Route path, e.g. `/v1/attribution/apps`. */
	path: string;
	collection: string;
	type: string;
	/** The parameters Create requires, and those Update requires. */
	required: string[];
	requiredOnUpdate?: string[];
	/** The parameter whose value must be unique (`name`, `code`). */
	unique: string;
	/** Case-insensitive uniqueness (lists). */
	uniqueIgnoringCase?: boolean;
	/** Every writable parameter with its value when Create does not send it. */
	fields: Record<string, (body: JsonObject) => Json>;
	/** Boolean parameters: a form-encoded "true"/"false" is stored as a boolean. */
	booleans?: string[];
	/** Hash parameters: anything but an object is refused as invalid. */
	hashes?: string[];
	/** Further checks of a Create or Update body (throw an ApiError). */
	validate?: (body: JsonObject) => void;
}

/** Create / Get / Update / Delete / Get Many of an object made of plain fields, as the reference documents them. */
export function registerSimpleCollection(sb: HellotextSandbox, spec: SimpleCollection): void {
	const same = (a: Json, b: Json) =>
		spec.uniqueIgnoringCase && typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
	const checkUnique = (body: JsonObject, except?: string) => {
		const value = body[spec.unique];
		if (value === undefined) return;
		if (sb.collection(spec.collection).some((o) => o.id !== except && same(o[spec.unique], value))) throw notUnique(spec.unique);
	};
	const read = (body: JsonObject, key: string): Json | undefined => {
		const value = body[key];
		if (value === undefined) return undefined;
		if (spec.booleans?.includes(key)) {
			if (value === true || value === 'true') return true;
			if (value === false || value === 'false') return false;
			throw invalid(key);
		}
		if (spec.hashes?.includes(key) && (value === null || typeof value !== 'object' || Array.isArray(value))) throw invalid(key);
		return value;
	};
	sb.crud(spec.path, spec.collection, spec.collection, spec.type);
	sb.route('POST', spec.path, ({ body }) => {
		for (const parameter of spec.required) requireValue(body, parameter);
		spec.validate?.(body);
		checkUnique(body);
		const fields: JsonObject = {};
		for (const [key, fallback] of Object.entries(spec.fields)) fields[key] = read(body, key) ?? fallback(body);
		return sb.insert(spec.collection, spec.type, fields);
	});
	sb.route('PATCH', `${spec.path}/:id`, ({ params, body }) => {
		const object: StoredObject = sb.get(spec.collection, params.id, spec.type);
		for (const parameter of spec.requiredOnUpdate ?? []) requireValue(body, parameter);
		spec.validate?.(body);
		checkUnique(body, object.id);
		const changes: JsonObject = {};
		for (const key of Object.keys(spec.fields)) if (body[key] !== undefined) changes[key] = read(body, key) as Json;
		Object.assign(object, changes);
		return object;
	});
}

export function registerApps(sb: HellotextSandbox): void {
	registerSimpleCollection(sb, {
		path: '/v1/attribution/apps',
		collection: 'apps',
		type: 'app',
		required: ['name'],
		unique: 'name',
		fields: { image_url: () => null, metadata: () => ({}), name: () => null },
	});
}
