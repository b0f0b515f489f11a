/**
 * One input item's parameters, each resolved once.
 *
 * n8n evaluates a parameter's expression every time the node reads it, and an operation reads
 * some parameters more than once (the path, the body, a check, an error message). Every read goes
 * through an Item, which keeps each value for the rest of the item. Operations that run their own
 * item loop (writes: see run.ts) make the only evaluation of each expression here; on the
 * operations n8n's RoutingNode runs (reads), RoutingNode resolves every parameter itself first.
 */
import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, INode } from 'n8n-workflow';

type Reader = (name: string, fallback: unknown) => unknown;

export class Item {
	private readonly values = new Map<string, unknown>();

	constructor(
		readonly node: INode,
		/** The input item's index: what messages and error items name. */
		readonly index: number,
		/** The workflow's timezone, for dates written without an offset. */
		readonly timezone: string,
		private readonly reader: Reader,
	) {}

	/** A parameter's value, resolved once per item. Callers must not mutate what they get. */
	get<T = unknown>(name: string, fallback?: unknown): T {
		if (this.values.has(name)) return this.values.get(name) as T;
		const value = this.reader(name, fallback);
		this.values.set(name, value);
		return value as T;
	}

	/**
	 * A resource locator's picked value, or a plain text parameter, trimmed; undefined when empty.
	 * (The node's locator modes are plain values, none extracts from a URL, so the value is read
	 * as it is: one read per parameter whichever way it is asked for.)
	 */
	id(name: string): string | undefined {
		return locatorValue(this.get(name, ''));
	}
}

/** The item a RoutingNode step (preSend) runs for. */
export function itemOf(ctx: IExecuteSingleFunctions): Item {
	return new Item(ctx.getNode(), ctx.getItemIndex(), ctx.getTimezone(), (name, fallback) =>
		ctx.getNodeParameter(name, fallback as never),
	);
}

/** Whether a parameter's raw value holds an expression anywhere (a string starting with `=`). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * The input items of an operation that runs its own item loop, one run's reader: `(index) => Item`.
 * A parameter without an expression is the same for every item: it is resolved once for the run,
 * the others once per item. The node is read once too (n8n deep-copies it on every getNode()).
 */
export function itemReader(ctx: IExecuteFunctions): (index: number) => Item {
	const node = ctx.getNode();
	const timezone = ctx.getTimezone();
	const fixed = new Map<string, unknown>();
	return (index) =>
		new Item(node, index, timezone, (name, fallback) => {
			if (fixed.has(name)) return fixed.get(name);
			const value = ctx.getNodeParameter(name, index, fallback as never);
			if (!hasExpression(node.parameters[name])) fixed.set(name, value);
			return value;
		});
}

/**
 * The value a resource locator (`{__rl, mode, value}`) or a plain field holds, trimmed and as
 * text; undefined when empty. Locators inside collections reach a body builder in this form.
 */
export function locatorValue(value: unknown): string | undefined {
	const raw = value !== null && typeof value === 'object' ? (value as IDataObject).value : value;
	if (raw === undefined || raw === null) return undefined;
	const text = String(raw).trim();
	return text === '' ? undefined : text;
}

export const isBlank = (value: unknown) => value === undefined || value === null || value === '';
