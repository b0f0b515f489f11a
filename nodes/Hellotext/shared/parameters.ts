/**
 * How the node reads its parameters: each one once per item.
 *
 * For every input item, n8n's RoutingNode resolves the value of every top-level property of the
 * description through the expression engine before the node's own code runs, whether the property
 * is displayed or not: once to build the request and, in n8n 2.x, once more for its allowed-domains
 * check. A name used by N properties is resolved N times in each pass, and a property with
 * `routing` is resolved again in each pass to read its value. So that a user's expression is not
 * evaluated more often than n8n itself requires, the node:
 * - gives every parameter a name that no other property uses (a test checks it);
 * - keeps `routing.send` out of the description it hands to n8n: `compileSends` turns the fields'
 *   `routing.send` into one preSend that reads the values through here;
 * - reads every parameter through `readParameter`, which keeps the value for the rest of the item,
 *   so the path, the body, the checks and the error messages share one read.
 */
import {
	NodeHelpers,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type PreSendAction,
} from 'n8n-workflow';

type ParameterContext = Pick<IExecuteSingleFunctions, 'getNodeParameter' | 'getNode'>;

/** Values read for an item, by the context n8n gives that item's preSend steps. */
const itemReads = new WeakMap<object, Map<string, unknown>>();

/**
 * The item's store. The pagination function gets a context derived from the preSend context
 * (`Object.create`), so it shares the store of its prototype when there is one.
 */
function storeOf(ctx: object): Map<string, unknown> {
	let store = itemReads.get(ctx);
	if (store) return store;
	const parent = Object.getPrototypeOf(ctx) as object | null;
	store = parent ? itemReads.get(parent) : undefined;
	if (!store) {
		store = new Map();
		itemReads.set(ctx, store);
	}
	return store;
}

/**
 * A parameter's value for the current item, resolved once: later reads of the same parameter in
 * the same item get the same value. Callers must not mutate what they get.
 */
export function readParameter<T = unknown>(
	ctx: ParameterContext,
	name: string,
	fallback?: unknown,
	options: { extractValue?: boolean } = {},
): T {
	const store = storeOf(ctx);
	const key = options.extractValue ? `${name}\u0000value` : name;
	if (store.has(key)) return store.get(key) as T;
	const value = ctx.getNodeParameter(name, fallback as never, options.extractValue ? { extractValue: true } : undefined);
	store.set(key, value);
	return value as T;
}

/** Whether a field shows for the node's current parameters (its value is then meant to be sent). */
export function isDisplayed(ctx: Pick<IExecuteSingleFunctions, 'getNode'>, property: INodeProperties): boolean {
	if (!property.displayOptions) return true;
	const node = ctx.getNode();
	return NodeHelpers.displayParameter(node.parameters, property, node, null, node.parameters);
}

/** The picked ID of a resource locator value (`{__rl, mode, value}`); other values as they are. */
export function locatorValue(value: unknown): unknown {
	if (value !== null && typeof value === 'object' && (value as IDataObject).__rl === true) {
		return (value as IDataObject).value;
	}
	return value;
}

interface Send {
	/** The top-level parameter that holds the value. */
	parameter: string;
	/** For a field inside a collection: its name there. */
	option?: INodeProperties;
	field: INodeProperties;
	to: 'body' | 'qs';
	property: string;
}

function sendOf(field: INodeProperties): { to: 'body' | 'qs'; property: string } | undefined {
	const send = field.routing?.send;
	if (!send?.property) return undefined;
	if (send.value !== undefined || send.propertyInDotNotation !== false) {
		throw new Error(`Field "${field.name}": only plain routing.send (type, property) is supported`);
	}
	return { to: send.type === 'query' ? 'qs' : 'body', property: send.property };
}

function withoutRouting(field: INodeProperties): INodeProperties {
	const { routing: _routing, ...rest } = field;
	if (rest.type === 'collection' && Array.isArray(rest.options)) {
		rest.options = (rest.options as INodeProperties[]).map(withoutRouting);
	}
	return rest;
}

/**
 * An operation's fields without their `routing.send`, and the one preSend step that sends those
 * fields instead: each top-level parameter read once, a value sent when its field is displayed
 * (for a collection's field: when it was added), as n8n's routing would send it.
 */
export function compileSends(fields: INodeProperties[]): { fields: INodeProperties[]; preSend?: PreSendAction } {
	const sends: Send[] = [];
	for (const field of fields) {
		const own = sendOf(field);
		if (own) sends.push({ parameter: field.name, field, ...own });
		if (field.type === 'collection') {
			for (const option of (field.options ?? []) as INodeProperties[]) {
				const nested = sendOf(option);
				if (nested) sends.push({ parameter: field.name, option, field, ...nested });
			}
		}
	}
	const stripped = fields.map(withoutRouting);
	if (sends.length === 0) return { fields: stripped };

	async function sendFields(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		for (const send of sends) {
			if (!isDisplayed(this, send.field) || (send.option && !isDisplayed(this, send.option))) continue;
			let value: unknown;
			if (send.option) {
				const collection = readParameter<IDataObject>(this, send.parameter, {});
				if (!Object.prototype.hasOwnProperty.call(collection, send.option.name)) continue;
				value = locatorValue(collection[send.option.name]);
			} else {
				value = readParameter(this, send.parameter, undefined, {
					extractValue: send.field.type === 'resourceLocator',
				});
			}
			const target = (request[send.to] ?? {}) as IDataObject;
			target[send.property] = value as IDataObject[string];
			request[send.to] = target;
		}
		return request;
	}
	return { fields: stripped, preSend: sendFields };
}
