/**
 * How an input item becomes a request: the path with its placeholders filled (each one ID, encoded
 * as one path segment), the fields sent as they are (`sendAs`), then the operation's own steps
 * (body builders and checks, in order). The same preparation serves both ways an operation runs
 * (run.ts): RoutingNode's preSend and the operations' own item loop.
 */
import {
	NodeHelpers,
	type IDataObject,
	type IHttpRequestMethods,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

import { encodeId } from './encodeId';
import type { PlainSend } from './fields';
import { locatorValue, type Item } from './item';

export interface PreparedRequest {
	method: IHttpRequestMethods;
	/** Path below /v1, every placeholder filled. */
	url: string;
	qs: IDataObject;
	body?: IDataObject;
	/** What a 404 names, e.g. `profile "MzYwlE50"`. */
	target?: string;
	/** For a write the API may have carried out when its answer is lost: how to find out. */
	reconcile?: string;
}

/** A step of an operation's request: builds part of the body (or query), or refuses the item. */
export type RequestStep = (item: Item, request: PreparedRequest) => void;

/** The request's body, created when the first value goes in. */
export function bodyOf(request: PreparedRequest): IDataObject {
	request.body ??= {};
	return request.body;
}

/** Puts every value of `values` that is not undefined into the body. */
export function addToBody(request: PreparedRequest, values: IDataObject): void {
	const body = bodyOf(request);
	for (const [key, value] of Object.entries(values)) if (value !== undefined) body[key] = value;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export const pathParameters = (path: string) => [...path.matchAll(PLACEHOLDER)].map((match) => match[1]);

interface Send {
	/** The top-level parameter that holds the value. */
	parameter: string;
	/** For a field inside a collection: that field. */
	option?: INodeProperties;
	field: INodeProperties;
	to: 'body' | 'qs';
	property: string;
}

/** A field's `sendAs`, checked to be the only routing it has. */
function plainSendOf(field: INodeProperties): PlainSend['send'] | undefined {
	if (!field.routing) return undefined;
	const { send, ...other } = field.routing;
	const { type, property, propertyInDotNotation, ...rest } = (send ?? {}) as Partial<PlainSend['send']> & IDataObject;
	if (
		Object.keys(other).length > 0 ||
		Object.keys(rest).length > 0 ||
		typeof property !== 'string' ||
		propertyInDotNotation !== false ||
		(type !== 'body' && type !== 'query')
	) {
		throw new Error(`Field "${field.name}": the only routing a field may have is sendAs(...) (shared/fields.ts)`);
	}
	return { type, property, propertyInDotNotation };
}

function withoutRouting(field: INodeProperties): INodeProperties {
	const { routing: _routing, ...rest } = field;
	if (rest.type === 'collection' && Array.isArray(rest.options)) {
		rest.options = (rest.options as INodeProperties[]).map(withoutRouting);
	}
	return rest;
}

/** Whether a field shows for the node's current parameters (its value is then meant to be sent). */
function isDisplayed(node: INode, property: INodeProperties): boolean {
	if (!property.displayOptions) return true;
	return NodeHelpers.displayParameter(node.parameters, property, node, null, node.parameters);
}

export interface RequestShape {
	method: IHttpRequestMethods;
	/** Path below /v1; `{param}` placeholders are filled from node parameters. */
	path: string;
	/** What a 404 names, e.g. `profile` gives: no profile "abc". */
	noun?: string;
	fields: INodeProperties[];
	steps: RequestStep[];
}

/**
 * An operation's fields as n8n gets them (without their `sendAs`), and the function that
 * prepares an item's request from them.
 */
export function compileRequest(shape: RequestShape): {
	fields: INodeProperties[];
	prepare: (item: Item) => PreparedRequest;
} {
	const sends: Send[] = [];
	for (const field of shape.fields) {
		const own = plainSendOf(field);
		if (own) sends.push({ parameter: field.name, field, to: own.type === 'query' ? 'qs' : 'body', property: own.property });
		if (field.type === 'collection') {
			for (const option of (field.options ?? []) as INodeProperties[]) {
				const nested = plainSendOf(option);
				if (nested) {
					sends.push({ parameter: field.name, option, field, to: nested.type === 'query' ? 'qs' : 'body', property: nested.property });
				}
			}
		}
	}
	// Which fields show depends on the node's parameters, not on the item: worked out once per run.
	const shownSends = new WeakMap<object, Send[]>();
	const sendsShownFor = (node: INode) => {
		let shown = shownSends.get(node.parameters);
		if (!shown) {
			shown = sends.filter((send) => isDisplayed(node, send.field) && (!send.option || isDisplayed(node, send.option)));
			shownSends.set(node.parameters, shown);
		}
		return shown;
	};
	const placeholders = pathParameters(shape.path);
	const last = placeholders[placeholders.length - 1];

	function prepare(item: Item): PreparedRequest {
		const url = shape.path.replace(PLACEHOLDER, (_match, parameter: string) => encodeId(item, item.id(parameter), parameter));
		const request: PreparedRequest = { method: shape.method, url, qs: {} };
		if (shape.noun) request.target = last === undefined ? shape.noun : `${shape.noun} "${item.id(last) ?? ''}"`;
		for (const send of sendsShownFor(item.node)) {
			let value: unknown;
			if (send.option) {
				const collection = item.get<IDataObject>(send.parameter, {}) ?? {};
				if (!Object.prototype.hasOwnProperty.call(collection, send.option.name)) continue;
				const raw = collection[send.option.name];
				value = send.option.type === 'resourceLocator' ? locatorValue(raw) : raw;
			} else {
				value = send.field.type === 'resourceLocator' ? item.id(send.parameter) : item.get(send.parameter);
			}
			if (send.to === 'qs') request.qs[send.property] = value as IDataObject[string];
			else bodyOf(request)[send.property] = value as IDataObject[string];
		}
		for (const step of shape.steps) step(item, request);
		return request;
	}

	return { fields: shape.fields.map(withoutRouting), prepare };
}
