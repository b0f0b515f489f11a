// Object structures (/v1/objects), as Hellotext's developer guides describe them (the scraped
// reference has no such section): the built-in ones (apps, carts, forms, locations, orders,
// products, refunds; always there, with stable ids) and custom ones, each a title, a singular
// technical name and typed properties. PATCH manages the properties: entries with an id update
// that property, entries without one are added, properties left out are removed; title and name
// are not changed through it (the guides: renaming through PATCH is not reliable). There is no
// DELETE and no instance route: instances (collection `object_instances`) are made by tracking an
// event with `object_parameters` (events.ts).
import { ApiError, invalid, notFound, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';

/** Property kinds, after the types the guides name (text, numbers, dates, times, yes/no, …). */
export const OBJECT_PROPERTY_KINDS = ['text', 'number', 'date', 'time', 'boolean', 'list', 'money', 'url', 'payment_method', 'sales_channel'];

/** The built-in structures by their stable ids. */
export const BUILT_IN_OBJECTS: Array<{ id: string; title: string; name: string }> = [
	{ id: 'BIapps00', title: 'Apps', name: 'app' },
	{ id: 'BIcarts0', title: 'Carts', name: 'cart' },
	{ id: 'BIforms0', title: 'Forms', name: 'form' },
	{ id: 'BIlocat0', title: 'Locations', name: 'location' },
	{ id: 'BIorder0', title: 'Orders', name: 'order' },
	{ id: 'BIprodu0', title: 'Products', name: 'product' },
	{ id: 'BIrefun0', title: 'Refunds', name: 'refund' },
];

const COLLECTION = 'objects';
const NAME = /^[a-z][a-z0-9_]*$/;

const isHash = (value: Json | undefined): value is JsonObject => !!value && typeof value === 'object' && !Array.isArray(value);

const notUnique = (parameter: string, message = 'The value must be unique and it is already present in another object of the same type.') =>
	new ApiError(422, 'parameter_not_unique', message, parameter);

/** The structures, the built-in ones put back first when missing (after a reset, or cleared by a test). */
export function structures(sb: HellotextSandbox): StoredObject[] {
	const list = sb.collection(COLLECTION);
	const missing = BUILT_IN_OBJECTS.filter((b) => !list.some((o) => o.id === b.id));
	if (missing.length) {
		const now = sb.now();
		const made = missing.map((b) => ({ id: b.id, type: 'object', created_at: now, title: b.title, name: b.name, built_in: true, properties: [] }) as StoredObject);
		list.unshift(...made);
	}
	return list;
}

/** A structure by id or by name; undefined when there is none. */
export function findStructure(sb: HellotextSandbox, key: string): StoredObject | undefined {
	const list = structures(sb);
	return list.find((o) => o.id === key) ?? list.find((o) => o.name === key);
}

export function registerObjects(sb: HellotextSandbox): void {
	sb.onReset(() => void structures(sb));

	const flag = (value: Json | undefined, which: string): boolean => {
		if (value === undefined || value === null || value === false || value === 'false') return false;
		if (value === true || value === 'true') return true;
		throw invalid('properties', `${which}: required and unique are booleans.`);
	};

	/** A property definition from a request, as stored: id, name, kind, required, unique, modifiable. */
	const newProperty = (entry: JsonObject, which: string): JsonObject => {
		if (typeof entry.kind !== 'string' || !OBJECT_PROPERTY_KINDS.includes(entry.kind)) {
			throw invalid('properties', `${which}: possible kinds are ${OBJECT_PROPERTY_KINDS.join(', ')}.`);
		}
		if (typeof entry.name !== 'string' || entry.name.trim() === '') throw invalid('properties', `${which} needs a name.`);
		return { id: sb.newId(), name: entry.name, kind: entry.kind, required: flag(entry.required, which), unique: flag(entry.unique, which), modifiable: true };
	};

	const entries = (value: Json | undefined): JsonObject[] => {
		if (!Array.isArray(value)) throw invalid('properties', 'Expected an array of properties.');
		return value.map((entry, i) => {
			if (!isHash(entry)) throw invalid('properties', `Property ${i + 1} must be a hash with a kind and a name.`);
			return entry;
		});
	};

	const checkNames = (properties: JsonObject[]) => {
		const seen = new Set<string>();
		for (const property of properties) {
			const name = property.name as string;
			if (seen.has(name)) throw invalid('properties', `Property names are unique within a structure: "${name}" is repeated.`);
			seen.add(name);
		}
	};

	const get = (key: string) => {
		const structure = findStructure(sb, key);
		if (!structure) throw notFound('object', key);
		return structure;
	};

	sb.route('GET', '/v1/objects', ({ query }) => ({ objects: sb.paginate(structures(sb), query) }));
	sb.route('GET', '/v1/objects/:id', ({ params }) => get(params.id));

	sb.route('POST', '/v1/objects', ({ body }) => {
		if (typeof body.title !== 'string' || body.title.trim() === '') throw invalid('title', 'The structure needs a title (its display name).');
		if (typeof body.name !== 'string' || !NAME.test(body.name)) {
			throw invalid('name', 'The name is the singular technical name: lower-case letters, digits and underscores, starting with a letter.');
		}
		if (structures(sb).some((o) => o.name === body.name)) throw notUnique('name');
		const properties = body.properties === undefined || body.properties === null ? [] : entries(body.properties).map((e, i) => newProperty(e, `Property ${i + 1}`));
		checkNames(properties);
		const structure = sb.insert(COLLECTION, 'object', { title: body.title, name: body.name, built_in: false, properties });
		return { status: 201, body: structure };
	});

	sb.route('PATCH', '/v1/objects/:id', ({ params, body }) => {
		const structure = get(params.id);
		if (body.properties === undefined) return structure;
		const current = structure.properties as JsonObject[];
		const next = entries(body.properties).map((entry, i) => {
			const which = `Property ${i + 1}`;
			if (entry.id === undefined || entry.id === null || entry.id === '') return newProperty(entry, which);
			const existing = current.find((p) => p.id === entry.id);
			if (!existing) throw invalid('properties', `${which}: the structure has no property ${String(entry.id)}.`);
			if (entry.kind !== undefined && entry.kind !== existing.kind) throw invalid('properties', `${which}: the kind of a property cannot change.`);
			if (entry.name !== undefined && (typeof entry.name !== 'string' || entry.name.trim() === '')) throw invalid('properties', `${which} needs a name.`);
			return {
				...existing,
				name: (entry.name as string | undefined) ?? existing.name,
				required: entry.required === undefined ? existing.required : flag(entry.required, which),
				unique: entry.unique === undefined ? existing.unique : flag(entry.unique, which),
			} as JsonObject;
		});
		checkNames(next);
		structure.properties = next;
		return structure;
	});
}
