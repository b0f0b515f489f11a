/**
 * Structured inputs: a group of fields a user fills without JSON, defined together with the
 * function that reads them back into the value the API takes (metadata, prices, lists, rows of
 * items or variants, name/value pairs). Each has a JSON alternative for expressions, and one rule
 * for the two: a form field or its JSON, not both. Whatever the API would refuse is refused here
 * first (refusals.ts), naming the field.
 */
import type { IDataObject, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { isBlank } from './item';
import { refuse, type Where } from './refusals';

/** Fields and the function that reads them back from the values of the collection they sit in. */
export interface Input<T> {
	fields: INodeProperties[];
	read(at: Where, values: IDataObject): T | undefined;
}

/** The values of top-level fields, for an Input that does not sit in a collection. */
export function topLevelValues(item: { get(name: string): unknown }, input: Input<unknown>): IDataObject {
	return Object.fromEntries(input.fields.map((field) => [field.name, item.get(field.name)])) as IDataObject;
}

// ---- JSON ----------------------------------------------------------------------------------------

/** A JSON field's value (n8n may have parsed it already); malformed JSON is refused naming the field. */
export function parseJson(at: Where, value: unknown, label: string): unknown {
	if (value !== null && typeof value === 'object') return value;
	try {
		return JSON.parse(String(value));
	} catch (error) {
		return refuse(at, `"${label}" is not valid JSON`, (error as Error).message);
	}
}

export function parseJsonObject(at: Where, value: unknown, label: string): IDataObject {
	const parsed = parseJson(at, value, label);
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) refuse(at, `"${label}" must be a JSON object`);
	return parsed as IDataObject;
}

export function parseJsonArray(at: Where, value: unknown, label: string): unknown[] {
	const parsed = parseJson(at, value, label);
	if (!Array.isArray(parsed)) refuse(at, `"${label}" must be a JSON array`);
	return parsed;
}

const blankJson = (value: unknown) => isBlank(value) || (typeof value === 'string' && value.trim() === '');

/** A JSON field for the alternative of a form field: `<displayName> (JSON)`. */
function jsonAlternative(name: string, displayName: string, description: string, fallback: string): INodeProperties {
	return {
		displayName: `${displayName} (JSON)`,
		name: `${name}Json`,
		type: 'json',
		default: fallback,
		description: `${description} (for expressions). Cannot be combined with ${displayName}.`,
	};
}

// ---- name/value pairs --------------------------------------------------------------------------

interface KeyValue {
	key?: unknown;
	value?: unknown;
}

export interface PairsSpec {
	displayName: string;
	name: string;
	/** One row's name, e.g. `Email` gives "Add Email". */
	rowName: string;
	keyName?: string;
	keyDescription?: string;
	description?: string;
	/** Replaces the key's plain text input, e.g. with a dropdown. */
	key?: Partial<INodeProperties>;
	/** Adds `<name>Json`, the same hash as a JSON object. */
	json?: boolean;
}

/**
 * A hash given as name/value rows (a fixed collection of `{key, value}`), e.g. Emails
 * {work: a@b.c}, and with `json` its JSON alternative. A row without a name is refused; the rows
 * and a JSON object that is not empty cannot be given together.
 */
export function pairsInput(spec: PairsSpec): Input<IDataObject> {
	const label = spec.displayName;
	const jsonLabel = `${label} (JSON)`;
	const pairs: INodeProperties = {
		displayName: label,
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
	const description = spec.description ?? label;
	return {
		fields: spec.json ? [pairs, jsonAlternative(spec.name, label, `${description}, as a JSON object`, '{}')] : [pairs],
		read(at, values) {
			const rows = ((values[spec.name] as { values?: KeyValue[] } | undefined)?.values ?? []) as KeyValue[];
			let fromRows: IDataObject | undefined;
			for (const { key, value } of rows) {
				const entry = typeof key === 'string' ? key.trim() : String(key ?? '');
				if (!entry) refuse(at, `"${label}" has an entry without a name`);
				fromRows ??= {};
				fromRows[entry] = (value ?? '') as IDataObject[string];
			}
			const raw = spec.json ? values[`${spec.name}Json`] : undefined;
			const fromJson = blankJson(raw) ? undefined : parseJsonObject(at, raw, jsonLabel);
			const json = fromJson && Object.keys(fromJson).length > 0 ? fromJson : undefined;
			if (fromRows && json) refuse(at, `"${label}" and "${jsonLabel}" cannot be sent together`);
			return fromRows ?? json;
		},
	};
}

/** `metadata`: key-value pairs stored with the object, as rows or as JSON. */
export const metadataInput = (noun: string) =>
	pairsInput({
		displayName: 'Metadata',
		name: 'metadata',
		rowName: 'Metadata',
		description: `Key-value pairs stored with the ${noun}`,
		json: true,
	});

// ---- money ---------------------------------------------------------------------------------------

/** An ISO 4217 code, upper-cased; anything else is refused naming `label`. */
export function currencyCode(at: Where, value: unknown, label: string): string {
	const text = String(value).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(text)) {
		refuse(at, `"${label}" must be a three-letter ISO 4217 currency code, e.g. USD`, `Got "${String(value)}".`);
	}
	return text;
}

/** A money amount from a number field or from text such as "19.90". */
export function moneyAmount(at: Where, value: unknown, label: string): number {
	const amount = typeof value === 'number' ? value : Number(String(value).trim());
	if (typeof value === 'boolean' || !Number.isFinite(amount) || amount < 0) {
		refuse(at, `"${label}" must be a non-negative number, e.g. 19.90`, `Got "${String(value)}".`);
	}
	return amount;
}

/**
 * A price hash `{amount, currency}` from its two parts; undefined when neither is set. A currency
 * without an amount is refused (the API needs the amount to make a price).
 */
export function price(at: Where, amount: unknown, currency: unknown, label: string): IDataObject | undefined {
	if (isBlank(amount)) {
		if (isBlank(currency)) return undefined;
		refuse(at, `"${label}" has a currency but no amount`, 'Give the amount too, or leave both empty.');
	}
	const result: IDataObject = { amount: moneyAmount(at, amount, `${label} Amount`) };
	if (!isBlank(currency)) result.currency = currencyCode(at, currency, `${label} Currency`);
	return result;
}

/** A price given as JSON (rows): an object with an amount, and maybe a currency. */
function priceObject(at: Where, value: unknown, label: string): IDataObject {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		refuse(at, `"${label}" must be an object like {"amount": 19.9, "currency": "USD"}`);
	}
	const { amount, currency, ...rest } = value as IDataObject;
	return { ...rest, ...price(at, amount, currency, label) } as IDataObject;
}

/** `<name>Amount` and `<name>Currency`, e.g. Price Amount and Price Currency, read as one price. */
export function priceInput(name: string, displayName: string, description: string): Input<IDataObject> {
	return {
		fields: [
			{
				displayName: `${displayName} Amount`,
				name: `${name}Amount`,
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description,
			},
			{
				displayName: `${displayName} Currency`,
				name: `${name}Currency`,
				type: 'string',
				default: '',
				placeholder: 'USD',
				description: `ISO 4217 code of the ${displayName.toLowerCase()} currency; needs ${displayName} Amount. Empty uses the business default.`,
			},
		],
		read: (at, values) => price(at, values[`${name}Amount`], values[`${name}Currency`], displayName),
	};
}

// ---- lists of strings ----------------------------------------------------------------------------

/**
 * An array of strings as comma-separated text, or an array from an expression. Blank text means
 * "not set"; only an explicit array from an expression can send `[]`.
 */
export function stringListInput(name: string, displayName: string, description: string): Input<string[]> {
	return {
		fields: [
			{
				displayName,
				name,
				type: 'string',
				default: '',
				placeholder: 'e.g. shoes, sneakers',
				description: `${description}, comma-separated (or an array from an expression)`,
			},
		],
		read(_at, values) {
			const value = values[name];
			if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
			if (isBlank(value)) return undefined;
			const list = String(value)
				.split(',')
				.map((entry) => entry.trim())
				.filter(Boolean);
			return list.length ? list : undefined;
		},
	};
}

// ---- lists of rows (items, variants) -------------------------------------------------------------

/** One kind of row, e.g. a cart or order item, or a product variant. */
export interface RowKind {
	/** One row's display name, e.g. `Item`; rows are stored under its lower-case form. */
	row: string;
	/** The row's own fields besides its price (Price Amount and Price Currency, added here). */
	values: INodeProperties[];
	/** Each row field sent as it is: its parameter name, then the API's name. Blank ones are left out. */
	sent: Record<string, string>;
	/** The API key every entry needs, e.g. `product`. */
	required: string;
	/** What the price fields say when left empty. */
	priceHint: string;
	/** The JSON alternative's default and what its description says each entry holds. */
	jsonDefault: string;
	jsonShape: string;
}

/** A JSON entry must be an object with `required` set; its `price`, if any, is checked. */
function checkEntry(at: Where, entry: unknown, label: string, requiredKey: string): IDataObject {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		refuse(at, `"${label}" must be an object with a ${requiredKey}`);
	}
	const object = { ...(entry as IDataObject) };
	if (isBlank(object[requiredKey])) refuse(at, `"${label}" has no ${requiredKey}`);
	if (object.price !== undefined) object.price = priceObject(at, object.price, `${label} Price`);
	return object;
}

/**
 * Rows of a kind (`<name>`) and their JSON alternative (`<name>Json`), read as the array to send;
 * undefined when neither is set. Every entry is checked and named in messages, e.g. `Items 2` or
 * `Items (JSON) 2`. An empty list is never built: where the API reads `[]` as "remove all", that
 * is an explicit option of the operation.
 */
export function rowsInput(kind: RowKind, name: string, displayName: string, description: string): Input<IDataObject[]> {
	const group = kind.row.toLowerCase();
	const jsonLabel = `${displayName} (JSON)`;
	const rowPrice: INodeProperties[] = [
		{
			displayName: 'Price Amount',
			name: 'priceAmount',
			type: 'string',
			default: '',
			placeholder: 'e.g. 19.90',
			description: kind.priceHint,
		},
		{
			displayName: 'Price Currency',
			name: 'priceCurrency',
			type: 'string',
			default: '',
			placeholder: 'USD',
			description: 'ISO 4217 code; needs Price Amount',
		},
	];
	const rows: INodePropertyCollection = {
		displayName: kind.row,
		name: group,
		values: [...kind.values, ...rowPrice].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	return {
		fields: [
			{
				displayName,
				name,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: `Add ${kind.row}`,
				default: {},
				description,
				options: [rows],
			},
			jsonAlternative(name, displayName, `${description}, as a JSON array of ${kind.jsonShape}`, kind.jsonDefault),
		],
		read(at, values) {
			const stored = values[name] as Record<string, IDataObject[]> | undefined;
			const fromRows = (stored?.[group] ?? []).map((row, index) => {
				const label = `${displayName} ${index + 1}`;
				const entry: IDataObject = {};
				for (const [field, apiName] of Object.entries(kind.sent)) if (!isBlank(row[field])) entry[apiName] = row[field];
				const unitPrice = price(at, row.priceAmount, row.priceCurrency, `${label} Price`);
				if (unitPrice) entry.price = unitPrice;
				return checkEntry(at, entry, label, kind.required);
			});
			const raw = values[`${name}Json`];
			const fromJson =
				raw === undefined
					? undefined
					: parseJsonArray(at, raw, jsonLabel).map((entry, index) =>
							checkEntry(at, entry, `${jsonLabel} ${index + 1}`, kind.required),
						);
			if (fromRows.length && fromJson) refuse(at, `"${displayName}" and "${jsonLabel}" cannot be sent together`);
			if (fromJson && fromJson.length === 0) {
				refuse(at, `"${jsonLabel}" is an empty list`, `Add at least one ${group}, or remove the field.`);
			}
			return fromRows.length ? fromRows : fromJson;
		},
	};
}

/** Cart and order items: product (id, reference or SKU), quantity and unit price. */
export const ITEM_ROWS: RowKind = {
	row: 'Item',
	values: [
		{
			displayName: 'Product',
			name: 'product',
			type: 'string',
			default: '',
			placeholder: 'e.g. vxqQJ3Yg or SKU-1234',
			description: 'ID, reference or SKU of the product or product variant',
		},
		{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
	],
	sent: { product: 'product', quantity: 'quantity' },
	required: 'product',
	priceHint: 'Empty uses the product’s price',
	jsonDefault: '[\n  { "product": "", "quantity": 1, "price": { "amount": 0, "currency": "USD" } }\n]',
	jsonShape: '{product, quantity, price}',
};

export const itemsInput = (name: string, displayName: string, description: string) =>
	rowsInput(ITEM_ROWS, name, displayName, description);
