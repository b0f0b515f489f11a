import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type INodeProperties,
	type INodePropertyOptions,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';

import { encodeId } from './encodeId';
import { throwOnErrorResponse } from './errors';
import { compileSends, readParameter } from './parameters';
import { DEFAULT_MAX_IN_FLIGHT, guardPreSend, MAX_LIMIT, routedFlow, startingAfterPaginator } from './transport';

/** The icon and credential both Hellotext nodes declare. */
export const HELLOTEXT_ICON = {
	light: 'file:../../icons/hellotext.svg',
	dark: 'file:../../icons/hellotext.dark.svg',
} as const;
export const HELLOTEXT_CREDENTIALS = [{ name: 'hellotextApi', required: true }];

/** One entry of a resource's operation picker, and the fields that show for it. */
export interface HellotextOperation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description?: string;
	method: IHttpRequestMethods;
	/** Path below /v1; `{param}` placeholders are filled from node parameters, percent-encoded. */
	path: string;
	/** What a 404 names, e.g. `profile` gives: no profile "abc". */
	noun?: string;
	fields?: INodeProperties[];
	preSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
	/** For Get Many: the key that holds the array, e.g. `profiles`. */
	listProperty?: string;
	/** For operations of several requests: see `routedFlow`. */
	flow?: ReturnType<typeof routedFlow>;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function pathParameters(path: string): string[] {
	return [...path.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

function readPathValue(ctx: IExecuteSingleFunctions, parameter: string): unknown {
	return readParameter(ctx, parameter, undefined, { extractValue: true });
}

/** Fills `{param}` placeholders of the request URL, each through `encodeId`. */
export function expandPath(path: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const node = this.getNode();
		const itemIndex = this.getItemIndex();
		request.url = path.replace(PLACEHOLDER, (_match, parameter: string) =>
			encodeId(node, readPathValue(this, parameter), parameter, itemIndex),
		);
		return request;
	};
}

function describeTarget(noun: string, path: string) {
	const parameters = pathParameters(path);
	return (ctx: IExecuteSingleFunctions) => {
		const last = parameters[parameters.length - 1];
		const value = last === undefined ? undefined : readPathValue(ctx, last);
		return value === undefined ? noun : `${noun} "${String(value)}"`;
	};
}

export function defineOperation(spec: OperationSpec): HellotextOperation {
	const hasPathParameters = pathParameters(spec.path).length > 0;
	// The fields' routing.send becomes one step that reads each parameter once (see parameters.ts).
	const { fields, preSend: sendFields } = compileSends(spec.fields ?? []);
	const preSend = [
		...(hasPathParameters ? [expandPath(spec.path)] : []),
		...(sendFields ? [sendFields] : []),
		...(spec.preSend ?? []),
	].map(guardPreSend);
	const postReceive: PostReceiveAction[] = [
		throwOnErrorResponse(spec.noun ? describeTarget(spec.noun, spec.path) : undefined),
	];
	if (spec.listProperty) {
		postReceive.push({ type: 'rootProperty', properties: { property: spec.listProperty } });
	}
	postReceive.push(...(spec.postReceive ?? []));
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				// A `{param}` template stays readable here; expandPath fills it before sending.
				request: { method: spec.method, url: spec.path },
				send: { paginate: true, preSend },
				operations: spec.flow
					? { pagination: spec.flow }
					: spec.listProperty
						? { pagination: startingAfterPaginator }
						: undefined,
				output: { postReceive },
			},
		},
		fields,
	};
}

/**
 * The operation picker of one resource plus every operation's fields, each shown only for its
 * resource and operation. Options are sorted by name, as n8n's lint wants. A field that several
 * operations share (the same definition under the same name) becomes one property shown for all
 * of them: n8n resolves each property's value for every item, so a name used twice costs twice.
 */
export function resourceProperties(
	resource: string,
	operations: HellotextOperation[],
	defaultOperation: string,
): INodeProperties[] {
	const options = operations
		.map((operation) => operation.option)
		.sort((a, b) => a.name.localeCompare(b.name));
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	const fields = mergeSameFields(
		operations.map((operation) =>
			updateDisplayOptions(
				{ show: { resource: [resource], operation: [operation.option.value as string] } },
				operation.fields,
			),
		),
		'operation',
	);
	return [picker, ...fields];
}

/** A property's definition apart from where it shows: two properties are the same field when equal. */
function definitionKey(property: INodeProperties, scope: 'operation' | 'resource'): string {
	const show = { ...property.displayOptions?.show };
	delete show[scope];
	return JSON.stringify({ ...property, displayOptions: { ...property.displayOptions, show } });
}

/**
 * Merges the property lists of several operations (scope `operation`) or resources (scope
 * `resource`) into one list in which a field they share, identical but for the `scope` it shows
 * for, is one property shown for the union. Each list's own order is kept: a field the merged
 * list does not have yet goes right after the list's previous field.
 */
export function mergeSameFields(lists: INodeProperties[][], scope: 'operation' | 'resource'): INodeProperties[] {
	const merged: INodeProperties[] = [];
	const byKey = new Map<string, INodeProperties>();
	for (const list of lists) {
		let cursor = -1;
		for (const property of list) {
			const key = definitionKey(property, scope);
			const known = byKey.get(key);
			if (known) {
				const show = known.displayOptions!.show!;
				show[scope] = [...new Set([...(show[scope] ?? []), ...(property.displayOptions?.show?.[scope] ?? [])])];
				const at = merged.indexOf(known);
				if (at < cursor) throw new Error(`Field "${property.name}" is shared in an order that cannot be kept`);
				cursor = at;
			} else {
				const copy = { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show } } };
				byKey.set(key, copy);
				merged.splice(++cursor, 0, copy);
			}
		}
	}
	return merged;
}

/** A filter added but left blank means "no filter", not "equal to the empty string". */
async function dropEmptyFilters(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const qs = (request.qs ?? {}) as Record<string, unknown>;
	for (const [key, value] of Object.entries(qs)) {
		if (value === '' || value === undefined || value === null) delete qs[key];
	}
	return request;
}

/** Return All / Limit, read by `startingAfterPaginator`. */
export const returnAllAndLimit: INodeProperties[] = [
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

/** `a cart`, `an order`. */
export const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

interface CrudShape {
	/** Lower-case noun used in texts and actions, e.g. `profile`. */
	noun: string;
	/** Collection path below /v1, e.g. `/profiles`. */
	path: string;
	/** The field holding the object's id (usually a resource locator). */
	idField: INodeProperties;
}

export function getOperation({ noun, path, idField }: CrudShape): HellotextOperation {
	return defineOperation({
		value: 'get',
		name: 'Get',
		action: `Get ${withArticle(noun)}`,
		description: `Retrieve ${withArticle(noun)}`,
		method: 'GET',
		path: `${path}/{${idField.name}}`,
		noun,
		fields: [idField],
	});
}

export function deleteOperation({ noun, path, idField }: CrudShape): HellotextOperation {
	return defineOperation({
		value: 'delete',
		name: 'Delete',
		action: `Delete ${withArticle(noun)}`,
		description: `Delete ${withArticle(noun)}`,
		method: 'DELETE',
		path: `${path}/{${idField.name}}`,
		noun,
		fields: [idField],
	});
}

/** Node-wide options: how hard a run over many items may push the API. */
export const requestOptionsCollection: INodeProperties = {
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

export function getManyOperation(spec: {
	/** Names the Filters parameter, e.g. `profileFilters`. */
	resource: string;
	plural: string;
	path: string;
	listProperty: string;
	filters?: INodeProperties[];
	/** Fields after the filters, e.g. a sort order. */
	fields?: INodeProperties[];
	description?: string;
}): HellotextOperation {
	const filters: INodeProperties[] = spec.filters?.length
		? [
				{
					displayName: 'Filters',
					name: `${spec.resource}Filters`,
					type: 'collection',
					placeholder: 'Add Filter',
					default: {},
					options: spec.filters,
				},
			]
		: [];
	return defineOperation({
		preSend: [dropEmptyFilters],
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${spec.plural}`,
		description: spec.description ?? `List ${spec.plural}, newest first`,
		method: 'GET',
		path: spec.path,
		listProperty: spec.listProperty,
		fields: [...returnAllAndLimit, ...filters, ...(spec.fields ?? [])],
	});
}

/** A plain string field sent under its API name in the body (or the query for `query`). */
export function sendAs(property: string, type: 'body' | 'query' = 'body') {
	return { send: { type, property, propertyInDotNotation: false } };
}
