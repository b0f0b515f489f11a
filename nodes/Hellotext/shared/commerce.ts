/**
 * Builders for the structured parameters of the e-commerce resources (carts, orders, order items,
 * products, variants, refunds) and of events: metadata, prices, string lists and item lists.
 * Each pairs the fields a user fills without JSON with the function that turns them into the
 * request body, refusing what the API would refuse with a message that names the field.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type INodePropertyCollection,
	type PreSendAction,
} from 'n8n-workflow';

import { sendAs } from './descriptions';
import { pairsField, pairsToObject, parseJsonArray, parseJsonObject } from './input';
import { idLocator, type LocatorSpec } from './locators';
import { readParameter } from './parameters';

/** Where a builder reports from: the node and the item being processed. */
export interface BuildContext {
	node: INode;
	itemIndex: number;
}

export const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Refuses the item's input before anything is sent; `message` names the field. */
export function refuse(ctx: BuildContext, message: string, description?: string): never {
	throw new NodeOperationError(ctx.node, message, { itemIndex: ctx.itemIndex, description });
}

// ---- metadata ---------------------------------------------------------------------------------

/**
 * Metadata as name/value pairs (`metadata`) and its JSON alternative (`metadataJson`), for an
 * Additional Fields / Update Fields collection.
 */
export function metadataFields(noun = 'object'): INodeProperties[] {
	return [
		pairsField({
			displayName: 'Metadata',
			name: 'metadata',
			rowName: 'Metadata',
			description: `Key-value pairs stored with the ${noun}`,
		}),
		{
			displayName: 'Metadata (JSON)',
			name: 'metadataJson',
			type: 'json',
			default: '{}',
			description: `Key-value pairs stored with the ${noun}, as a JSON object (for expressions). Cannot be combined with Metadata.`,
		},
	];
}

/** The `metadata` hash from the fields of `metadataFields`, or undefined when neither is set. */
export function buildMetadata(ctx: BuildContext, fields: IDataObject): IDataObject | undefined {
	const pairs = pairsToObject(ctx.node, fields.metadata as never, 'Metadata', ctx.itemIndex);
	const json =
		fields.metadataJson === undefined
			? undefined
			: parseJsonObject(ctx.node, fields.metadataJson, 'Metadata (JSON)', ctx.itemIndex);
	if (pairs && json) refuse(ctx, '"Metadata" and "Metadata (JSON)" cannot be sent together');
	return pairs ?? json;
}

// ---- prices -----------------------------------------------------------------------------------

/** An ISO 4217 code, upper-cased; anything else is refused naming `label`. */
export function normalizeCurrency(ctx: BuildContext, value: unknown, label: string): string {
	const text = String(value).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(text)) {
		refuse(ctx, `"${label}" must be a three-letter ISO 4217 currency code, e.g. USD`, `Got "${String(value)}".`);
	}
	return text;
}

/** A money amount from a number field or from text such as "19.90". */
export function normalizeAmount(ctx: BuildContext, value: unknown, label: string): number {
	const amount = typeof value === 'number' ? value : Number(String(value).trim());
	if (typeof value === 'boolean' || !Number.isFinite(amount) || amount < 0) {
		refuse(ctx, `"${label}" must be a non-negative number, e.g. 19.90`, `Got "${String(value)}".`);
	}
	return amount;
}

/**
 * A price hash `{amount, currency}` from its two parts; undefined when neither is set. A currency
 * without an amount is refused naming `label` (the API needs the amount to make a price).
 */
export function buildPrice(
	ctx: BuildContext,
	amount: unknown,
	currency: unknown,
	label: string,
): IDataObject | undefined {
	if (isBlank(amount)) {
		if (isBlank(currency)) return undefined;
		refuse(ctx, `"${label}" has a currency but no amount`, 'Give the amount too, or leave both empty.');
	}
	const price: IDataObject = { amount: normalizeAmount(ctx, amount, `${label} Amount`) };
	if (!isBlank(currency)) price.currency = normalizeCurrency(ctx, currency, `${label} Currency`);
	return price;
}

/** A price hash given as JSON (items, variants): an object with an amount, and maybe a currency. */
export function checkPriceObject(ctx: BuildContext, value: unknown, label: string): IDataObject {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		refuse(ctx, `"${label}" must be an object like {"amount": 19.9, "currency": "USD"}`);
	}
	const { amount, currency, ...rest } = value as IDataObject;
	return { ...rest, ...buildPrice(ctx, amount, currency, label) } as IDataObject;
}

/**
 * `<name>Amount` and `<name>Currency` for a collection, e.g. Price Amount and Price Currency;
 * read them back with `readPrice`.
 */
export function priceFields(name: string, displayName: string, description: string): INodeProperties[] {
	return [
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
	];
}

/** The price hash from the `priceFields(name, displayName)` of a collection, or undefined. */
export function readPrice(
	ctx: BuildContext,
	fields: IDataObject,
	name: string,
	displayName: string,
): IDataObject | undefined {
	return buildPrice(ctx, fields[`${name}Amount`], fields[`${name}Currency`], displayName);
}

// ---- string lists -------------------------------------------------------------------------------

/** A field for an array of strings: comma-separated text, or an array from an expression. */
export function stringListField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. shoes, sneakers',
		description: `${description}, comma-separated (or an array from an expression)`,
	};
}

/**
 * An array of strings from comma-separated text or an array. Blank text means "not set"
 * (undefined); only an explicit array from an expression can send `[]`.
 */
export function buildStringList(value: unknown): string[] | undefined {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
	if (isBlank(value)) return undefined;
	const list = String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
	return list.length ? list : undefined;
}

// ---- lists of rows (items, variants) -------------------------------------------------------------

/** One kind of row list, e.g. cart/order items or product variants. */
export interface RowKind {
	/** One row's display name, e.g. `Item`; rows are stored under its lower-case form. */
	row: string;
	/** The row's fields; `priceAmount`/`priceCurrency` (see `rowPriceFields`) become `price`. */
	values: INodeProperties[];
	/** The row fields sent as they are (blank ones left out). */
	keys: string[];
	/** The key every entry needs, e.g. `product`. */
	required: string;
	/** The JSON alternative's default and what its description says each entry holds. */
	jsonDefault: string;
	jsonShape: string;
}

/** The unit price of a row: amount as text (empty uses the product's price) and currency. */
export const rowPriceFields: INodeProperties[] = [
	{
		displayName: 'Price Amount',
		name: 'priceAmount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 19.90',
		description: 'Empty uses the product’s price',
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

/** A JSON entry that must be an object with `required` set; its `price`, if any, is checked. */
function checkEntry(ctx: BuildContext, entry: unknown, label: string, required: string): IDataObject {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		refuse(ctx, `"${label}" must be an object with a ${required}`);
	}
	const object = { ...(entry as IDataObject) };
	if (isBlank(object[required])) refuse(ctx, `"${label}" has no ${required}`);
	if (object.price !== undefined) object.price = checkPriceObject(ctx, object.price, `${label} Price`);
	return object;
}

function rowEntry(ctx: BuildContext, row: IDataObject, label: string, keys: string[]): IDataObject {
	const entry: IDataObject = {};
	for (const key of keys) if (!isBlank(row[key])) entry[key] = row[key];
	const price = buildPrice(ctx, row.priceAmount, row.priceCurrency, `${label} Price`);
	if (price) entry.price = price;
	return entry;
}

/**
 * The fields of a row list for a collection, `fields(name, displayName, description)`: rows
 * (`<name>`) and a JSON alternative (`<name>Json`); and `build(ctx, collectionValues, name,
 * displayName)`, the array to send, or undefined when neither is set. Every entry is checked and
 * named in messages, e.g. `Items 2` or `Items (JSON) 2`. An empty list is never built: where the
 * API reads `[]` as "remove all", that is an explicit option of the operation.
 */
export function rowList(kind: RowKind) {
	const group = kind.row.toLowerCase();
	const { jsonDefault } = kind;
	return {
		fields(name: string, displayName: string, description: string): INodeProperties[] {
			const rows: INodePropertyCollection = { displayName: kind.row, name: group, values: kind.values };
			return [
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
				{
					displayName: `${displayName} (JSON)`,
					name: `${name}Json`,
					type: 'json',
					default: jsonDefault,
					description: `${description}, as a JSON array of ${kind.jsonShape} (for expressions). Cannot be combined with ${displayName}.`,
				},
			];
		},
		build(ctx: BuildContext, fields: IDataObject, name: string, displayName: string): IDataObject[] | undefined {
			const stored = fields[name] as Record<string, IDataObject[]> | undefined;
			const rows = (stored?.[group] ?? []).map((row, index) => {
				const label = `${displayName} ${index + 1}`;
				return checkEntry(ctx, rowEntry(ctx, row, label, kind.keys), label, kind.required);
			});
			const jsonName = `${displayName} (JSON)`;
			const raw = fields[`${name}Json`];
			const json =
				raw === undefined
					? undefined
					: parseJsonArray(ctx.node, raw, jsonName, ctx.itemIndex).map((entry, index) =>
							checkEntry(ctx, entry, `${jsonName} ${index + 1}`, kind.required),
						);
			if (rows.length && json) refuse(ctx, `"${displayName}" and "${jsonName}" cannot be sent together`);
			if (json && json.length === 0) {
				refuse(ctx, `"${jsonName}" is an empty list`, `Add at least one ${group}, or remove the field.`);
			}
			return rows.length ? rows : json;
		},
	};
}

// ---- items (carts and orders) -------------------------------------------------------------------

/** Cart and order items: product (id, reference or SKU), quantity and unit price. */
export const itemRows = rowList({
	row: 'Item',
	values: [
		...rowPriceFields,
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
	keys: ['product', 'quantity'],
	required: 'product',
	jsonDefault: '[\n  { "product": "", "quantity": 1, "price": { "amount": 0, "currency": "USD" } }\n]',
	jsonShape: '{product, quantity, price}',
});

/** Items as rows and as JSON (`<name>Json`), for a collection. */
export const itemsFields = itemRows.fields;
/** The items array from the `itemsFields(name, displayName)` of a collection, or undefined. */
export const buildItems = itemRows.build;

// ---- shared simple fields and the body step ---------------------------------------------------

/** The `reference` and `source` fields every e-commerce object has, sent as they are. */
export function referenceAndSourceFields(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: `The ${noun} number or original identifier in the external source`,
			routing: sendAs('reference'),
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: '',
			placeholder: 'e.g. shopify',
			description: `The source or platform the ${noun} comes from`,
			routing: sendAs('source'),
		},
	];
}

/**
 * An optional resource locator inside a collection, sent under `apiName` (n8n extracts the
 * picked id), e.g. the profile of a refund.
 */
export function optionalLocator(apiName: string, spec: Omit<LocatorSpec, 'name' | 'required'>): INodeProperties {
	return {
		...idLocator({ ...spec, name: apiName, required: false }),
		routing: sendAs(apiName),
	};
}

/** What a collection adds to the request body; `self` reads the operation's other parameters. */
export type BodyBuilder = (ctx: BuildContext, fields: IDataObject, self: IExecuteSingleFunctions) => IDataObject;

/**
 * A preSend step that merges what `build` returns into the request body (after the fields sent
 * as they are). `build` gets the collection's values.
 */
export function mergeIntoBody(collection: string, build: BodyBuilder): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const ctx = { node: this.getNode(), itemIndex: this.getItemIndex() };
		const fields = collection ? readParameter<IDataObject>(this, collection, {}) : {};
		const added = build(ctx, fields, this);
		const body = { ...((request.body as IDataObject) ?? {}) };
		for (const [key, value] of Object.entries(added)) if (value !== undefined) body[key] = value;
		request.body = body;
		return request;
	};
}

/** The metadata and `priceFields` price of a collection as body entries (undefined when unset). */
export function metadataAndPrice(
	ctx: BuildContext,
	fields: IDataObject,
	price?: { name: string; apiName: string; displayName: string },
): IDataObject {
	const body: IDataObject = { metadata: buildMetadata(ctx, fields) };
	if (price) body[price.apiName] = readPrice(ctx, fields, price.name, price.displayName);
	return body;
}
