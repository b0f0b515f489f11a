/**
 * Operations and resources. An operation is declared once (`defineOperation`): its picker entry,
 * fields, method and path, the steps that build its body, and how it runs. From that one
 * declaration come the routing n8n's RoutingNode runs for reads and the item loop n8n runs instead
 * for writes (run.ts). A resource is its operations (`defineResource`); most have the same five
 * (`crud`).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cursorPages, MAX_PAGE_SIZE, MAX_PAGES, pageOf } from './cursor';
import { fieldCollection } from './fields';
import type { Item } from './item';
import { refuse } from './refusals';
import { compileRequest, type PreparedRequest, type RequestStep } from './request';
import { itemLoop, routedSteps, sendOnce, type Runner } from './run';
import { DEFAULT_MAX_IN_FLIGHT } from './transport';

/** The largest Limit the UI allows; Return All goes beyond. */
export const MAX_LIMIT = 10_000;

export interface OperationSpec {
	value: string;
	name: string;
	/** What the node panel lists and the canvas subtitle says, e.g. "Create a profile". */
	action: string;
	/** One sentence: what it does and what it needs (an AI agent reads it as the tool's description). */
	description: string;
	method: IHttpRequestMethods;
	/** Path below /v1; `{param}` placeholders are filled from node parameters, each one encoded ID. */
	path: string;
	/** What a 404 names, e.g. `profile` gives: no profile "abc". */
	noun?: string;
	fields?: INodeProperties[];
	/** Build the body (and query) beyond the fields sent as they are, and check the item; in order. */
	steps?: RequestStep[];
	/** For Get Many: the key that holds the list, e.g. `profiles`. */
	listProperty?: string;
	/** Instead of one request: several for each item (find, then create or update...). */
	run?: Runner;
	/** What the item outputs, from what the API answered. */
	output?: (item: Item, objects: IDataObject[]) => IDataObject[];
}

export type ItemLoop = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export interface Operation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	/** Writes only: the operation's own item loop, which n8n runs instead of RoutingNode. */
	execute?: ItemLoop;
}

export function defineOperation(spec: OperationSpec): Operation {
	const { fields, prepare } = compileRequest({
		method: spec.method,
		path: spec.path,
		noun: spec.noun,
		fields: spec.fields ?? [],
		steps: spec.steps ?? [],
	});
	const base = spec.run ?? (spec.listProperty ? listRunner(spec.listProperty) : sendOnce);
	const output = spec.output;
	const run: Runner = output ? async (itemRun, request) => output(itemRun.item, await base(itemRun, request)) : base;
	const runnable = { prepare, run };
	const routed = routedSteps(runnable);
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				// A `{param}` template stays readable here (the README's table prints it); the preSend fills it.
				request: { method: spec.method, url: spec.path },
				send: { paginate: true, preSend: [routed.preSend] },
				operations: { pagination: routed.pagination },
			},
		},
		fields,
		execute: spec.method === 'GET' ? undefined : itemLoop(runnable),
	};
}

/** Get Many: pages of the list, newest first, as many as Return All or Limit ask for. */
function listRunner(listProperty: string): Runner {
	return async ({ item, send }, request) => {
		const returnAll = item.get<boolean>('returnAll', false);
		const wanted = returnAll ? Number.POSITIVE_INFINITY : item.get<number>('limit', 50);
		if (!returnAll && (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_LIMIT)) {
			refuse(item, `"Limit" must be a whole number from 1 to ${MAX_LIMIT}`, 'Use Return All to get everything.');
		}
		const results: IDataObject[] = [];
		const pages = cursorPages(
			item.node,
			async (qs) => pageOf(item.node, (await send({ ...request, qs })).body, listProperty, `GET ${request.url}`),
			{
				query: request.qs,
				idOf: (object) => object.id,
				pageSize: () => Math.min(MAX_PAGE_SIZE, wanted - results.length),
				tooManyPages: `Stopped after ${MAX_PAGES} pages: narrow the request with filters or use a Limit`,
				itemIndex: item.index,
			},
		);
		for await (const objects of pages) {
			for (const object of objects) results.push(object);
			if (results.length >= wanted) break;
		}
		return results;
	};
}

// ---- resources -----------------------------------------------------------------------------------

export interface Resource {
	/** What the Resource picker shows, e.g. `Event Type`. */
	name: string;
	value: string;
	properties: INodeProperties[];
	/** The writes' item loops, by operation (INodeType.customOperations[value]). */
	customOperations: Record<string, ItemLoop>;
}

/**
 * A resource: its operation picker (sorted by name, as n8n's lint wants) and every operation's
 * fields, each shown only for its operation. A field several operations share is one property
 * shown for all of them (n8n resolves each property for every item, so a name used twice costs
 * twice); two different fields under one name are refused at load.
 */
export function defineResource(name: string, value: string, operations: Operation[], defaultOperation: string): Resource {
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const fields = mergeSameFields(
		operations.map((operation) =>
			updateDisplayOptions({ show: { resource: [value], operation: [operation.option.value as string] } }, operation.fields),
		),
		'operation',
	);
	const customOperations: Record<string, ItemLoop> = {};
	for (const operation of operations) if (operation.execute) customOperations[operation.option.value as string] = operation.execute;
	return { name, value, properties: [picker, ...fields], customOperations };
}

/** A property's definition apart from where it shows. */
function definitionKey(property: INodeProperties, scope: 'operation' | 'resource'): string {
	const show = { ...property.displayOptions?.show };
	delete show[scope];
	return JSON.stringify({ ...property, displayOptions: { ...property.displayOptions, show } });
}

/**
 * Merges the property lists of several operations (scope `operation`) or resources (scope
 * `resource`) into one list in which a field they share is one property shown for the union of
 * the `scope`s. Two properties under one name must be the same field but for that: anything else
 * is an error at load, naming the field. (The resources' Operation pickers stay one each.) Each list's own order is kept: a field the merged list does
 * not have yet goes right after the list's previous field.
 */
export function mergeSameFields(lists: INodeProperties[][], scope: 'operation' | 'resource'): INodeProperties[] {
	const merged: INodeProperties[] = [];
	const byName = new Map<string, { property: INodeProperties; key: string }>();
	for (const list of lists) {
		let cursor = -1;
		for (const property of list) {
			// n8n's convention: each resource has an Operation picker of its own.
			if (property.name === 'operation') {
				merged.splice(++cursor, 0, property);
				continue;
			}
			const key = definitionKey(property, scope);
			const known = byName.get(property.name);
			if (known) {
				if (known.key !== key) {
					throw new Error(`Two different fields are named "${property.name}": give one of them another name`);
				}
				const show = known.property.displayOptions!.show!;
				show[scope] = [...new Set([...(show[scope] ?? []), ...(property.displayOptions?.show?.[scope] ?? [])])];
				const at = merged.indexOf(known.property);
				if (at < cursor) throw new Error(`Field "${property.name}" is shared in an order that cannot be kept`);
				cursor = at;
			} else {
				const copy = { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show } } };
				byName.set(property.name, { property: copy, key });
				merged.splice(++cursor, 0, copy);
			}
		}
	}
	return merged;
}

// ---- fields every resource has -------------------------------------------------------------------

/** Node-wide options: how hard a run over many items may push the API. */
export const requestLimitsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Requests in Flight',
			name: 'maxInFlight',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_MAX_IN_FLIGHT,
			description: 'How many requests this node may have open at once over all its input items',
		},
		{
			displayName: 'Pause Between Batches (Ms)',
			name: 'batchPauseMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Wait this long after each batch of "Max Requests in Flight" requests has started',
		},
	],
};

/** Return All / Limit, read by the Get Many runner. */
const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * n8n's Simplify for answers of more than 10 fields: on (the default), each object keeps only
 * `keys`, the fields people map most.
 */
function simplified(keys: string[]) {
	return (item: Item, objects: IDataObject[]) => {
		if (item.get<boolean>('simplify', true) === false) return objects;
		return objects.map((object) => Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]])));
	};
}

/** `a cart`, `an order`. */
export const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** A filter added but left blank means "no filter", not "equal to the empty string". */
const dropBlankFilters: RequestStep = (_item, request: PreparedRequest) => {
	for (const [key, value] of Object.entries(request.qs)) {
		if (value === '' || value === undefined || value === null) delete request.qs[key];
	}
};

// ---- the five operations most resources have -------------------------------------------------------

export interface WriteSpec {
	/** Path below /v1 when it is not the collection's (Create) or the object's (Update). */
	path?: string;
	description?: string;
	/** Top-level fields (required parameters, locators), shown before the collection. */
	fields?: INodeProperties[];
	/** The options of Additional Fields (Create) or Update Fields (Update); none: no collection. */
	options?: INodeProperties[];
	/** Build what the fields sent as they are do not (metadata, prices...), and check the item. */
	steps?: RequestStep[];
	/** What a 404 names when the path addresses a parent, e.g. `order` for an order's items. */
	noun?: string;
}

export interface CrudSpec {
	/** The resource's value, e.g. `cart`: it names the collections (`cartAdditionalFields`...). */
	resource: string;
	/** Lower-case noun for texts and actions, e.g. `cart`. */
	noun: string;
	/** With a plural, the resource also gets Get Many. */
	plural?: string;
	/** Collection path below /v1, e.g. `/attribution/carts`. */
	path: string;
	/** The field holding the object's id (usually a resource locator). */
	idField: INodeProperties;
	/** The key holding the array in the Get Many answer; the plural by default. */
	listProperty?: string;
	filters?: INodeProperties[];
	/** Get Many's fields after the filters, e.g. a sort order. */
	listFields?: INodeProperties[];
	/** Descriptions other than the usual ones (Create's and Update's are in their WriteSpec). */
	descriptions?: { get?: string; delete?: string; getAll?: string };
	/** With Simplify on Get and Get Many: the fields it keeps. */
	simplify?: string[];
	/** Create posts to `path`; false: no Create. */
	create: WriteSpec | false;
	/** Update patches `<path>/{<idField>}`; its `fields` come after the id field. False: no Update. */
	update: WriteSpec | false;
	/** False: no Delete (the API has none). */
	remove?: false;
}

/** The parameter names of a resource's collections: one property per name in the whole node. */
export const additionalFieldsOf = (resource: string) => `${resource}AdditionalFields`;
export const updateFieldsOf = (resource: string) => `${resource}UpdateFields`;

/** What an operation on one object needs, as its description says: "the product’s ID, reference or SKU". */
function needs(idField: INodeProperties): string {
	const modes = (idField.modes ?? []).map((mode) => mode.name);
	const ways = ['ID', ...(modes.includes('name') ? ['name'] : []), ...(modes.includes('reference') ? ['reference', 'SKU'] : [])];
	const spoken = ways.length > 1 ? `${ways.slice(0, -1).join(', ')} or ${ways[ways.length - 1]}` : ways[0];
	return `the ${idField.displayName.toLowerCase()}’s ${spoken}`;
}

/** What a Create needs, as its description says: "needs its name", or that every field is optional. */
function needsToCreate(fields: INodeProperties[]): string {
	const names = fields.filter((field) => field.required).map((field) => field.displayName.toLowerCase());
	if (names.length === 0) return 'every field is optional';
	const spoken = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
	return `needs its ${spoken}`;
}

/** Create (POST to the collection) or Update (PATCH of the object, only the fields added). */
function writeOperation(spec: CrudSpec, kind: 'create' | 'update', write: WriteSpec): Operation {
	const { resource, noun, idField } = spec;
	const create = kind === 'create';
	const verb = create ? 'Create' : 'Update';
	return defineOperation({
		value: kind,
		name: verb,
		action: `${verb} ${withArticle(noun)}`,
		description:
			write.description ??
			(create
				? `Create ${withArticle(noun)}; ${needsToCreate(write.fields ?? [])}`
				: `Update ${withArticle(noun)} by ${needs(idField)}; only the fields you add are sent`),
		method: create ? 'POST' : 'PATCH',
		path: write.path ?? (create ? spec.path : `${spec.path}/{${idField.name}}`),
		noun: write.noun ?? (create ? undefined : noun),
		steps: write.steps,
		fields: [
			...(create ? [] : [idField]),
			...(write.fields ?? []),
			...fieldCollection(create ? 'Additional Fields' : 'Update Fields', create ? additionalFieldsOf(resource) : updateFieldsOf(resource), write.options),
		],
	});
}

/** Create, Get, Update, Delete and (with a plural) Get Many of one resource. */
export function crud(spec: CrudSpec): Operation[] {
	const { resource, noun, path, idField } = spec;
	const objectPath = `${path}/{${idField.name}}`;
	const simplify = spec.simplify ? { fields: [simplifyField], output: simplified(spec.simplify) } : undefined;
	const operations: Operation[] = [];
	if (spec.create) operations.push(writeOperation(spec, 'create', spec.create));
	operations.push(
		defineOperation({
			value: 'get',
			name: 'Get',
			action: `Get ${withArticle(noun)}`,
			description: spec.descriptions?.get ?? `Retrieve ${withArticle(noun)} by ${needs(idField)}`,
			method: 'GET',
			path: objectPath,
			noun,
			fields: [idField, ...(simplify?.fields ?? [])],
			output: simplify?.output,
		}),
	);
	if (spec.update) operations.push(writeOperation(spec, 'update', spec.update));
	if (spec.remove !== false) {
		operations.push(
			deleteOperation({
				noun,
				path: objectPath,
				fields: [idField],
				description: spec.descriptions?.delete ?? `Delete ${withArticle(noun)} by ${needs(idField)}`,
			}),
		);
	}
	if (spec.plural) {
		operations.push(
			defineOperation({
				value: 'getAll',
				name: 'Get Many',
				action: `Get many ${spec.plural}`,
				description: spec.descriptions?.getAll ?? `List ${spec.plural}, newest first`,
				method: 'GET',
				path,
				listProperty: spec.listProperty ?? spec.plural,
				steps: [dropBlankFilters],
				fields: [
					...returnAllAndLimit,
					...fieldCollection('Filters', `${resource}Filters`, spec.filters),
					...(spec.listFields ?? []),
					...(simplify?.fields ?? []),
				],
				output: simplify?.output,
			}),
		);
	}
	return operations;
}

/**
 * A Delete: the API answers `{id, type, deleted: true}`, or nothing at all (templates): then the
 * output says the same, with the ID from the path.
 */
export function deleteOperation(spec: { noun: string; path: string; fields: INodeProperties[]; description: string; name?: string }): Operation {
	const idParameter = spec.fields[spec.fields.length - 1].name;
	return defineOperation({
		value: 'delete',
		name: spec.name ?? 'Delete',
		action: `Delete ${withArticle(spec.noun)}`,
		description: spec.description,
		method: 'DELETE',
		path: spec.path,
		noun: spec.noun,
		fields: spec.fields,
		output: (item, objects) =>
			objects.map((object) => (Object.keys(object).length > 0 ? object : { id: item.id(idParameter), deleted: true })),
	});
}
