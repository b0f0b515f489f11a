import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { actionFamily, type ActionFamily } from '../../shared/actions';
import { additionalFieldsOf } from '../../shared/crud';
import { parseJsonArray, parseJsonObject } from '../../shared/input';
import { readParameter } from '../../shared/parameters';
import { CUSTOM_ACTION, TRACKABLES, type Trackable } from './fields';
import { eventValues, locatorValue, readHash } from './values';

type Fail = (message: string, description?: string) => NodeOperationError;

interface TrackContext {
	ctx: IExecuteSingleFunctions;
	action: string;
	body: IDataObject;
	fail: Fail;
	param: (name: string, fallback?: unknown) => unknown;
}

const hashOf = (t: TrackContext, name: string, label: string) =>
	readHash(t.ctx.getNode(), t.param(name, {}), t.param(`${name}Json`, '{}'), label, t.ctx.getItemIndex());

/** app, coupon, form, order, refund: the object by id, or `<family>_parameters` to create it. */
function referencedObject(t: TrackContext, family: Exclude<ActionFamily, 'cart' | 'product'>): void {
	const { displayName } = TRACKABLES[family];
	if (t.param('referenceBy', 'id') === 'parameters') {
		const hash = hashOf(t, 'inlineParameters', 'Inline Parameters');
		if (!hash) throw t.fail(`"Inline Parameters" of the ${family} are required for ${t.action}`);
		t.body[`${family}_parameters`] = hash;
		return;
	}
	const id = locatorValue(t.param(family));
	if (!id) throw t.fail(`"${displayName}" is required for ${t.action}`, 'Choose it, or set Reference By to Inline Parameters to create it with the event');
	t.body[family] = id;
}

/**
 * product.*: a product (id, reference or SKU, or product_parameters) and/or a variant
 * (product_variant, or product_variant_parameters, which needs the product given as well).
 */
function productObjects(t: TrackContext): void {
	let product: string | undefined;
	if (t.param('referenceBy', 'id') === 'parameters') {
		const hash = hashOf(t, 'inlineParameters', 'Inline Parameters');
		if (!hash) throw t.fail(`"Inline Parameters" of the product are required for ${t.action}`);
		t.body.product_parameters = hash;
	} else {
		product = locatorValue(t.param('product'));
		if (product) t.body.product = product;
	}
	const variantBy = t.param('variantReferenceBy', 'none');
	if (variantBy === 'id') {
		const variant = locatorValue(t.param('productVariant'));
		if (!variant) throw t.fail(`"Product Variant" is required for ${t.action} when referenced by ID`);
		t.body.product_variant = variant;
	} else if (variantBy === 'parameters') {
		const hash = hashOf(t, 'variantParameters', 'Product Variant Parameters');
		if (!hash) throw t.fail(`"Product Variant Parameters" are required for ${t.action}`);
		if (!product) {
			throw t.fail(
				'"Product" (by ID, reference or SKU) is required with "Product Variant Parameters"',
				'The new variant is created under that product',
			);
		}
		t.body.product_variant_parameters = hash;
	}
	if (t.body.product === undefined && t.body.product_parameters === undefined && t.body.product_variant === undefined && t.body.product_variant_parameters === undefined) {
		throw t.fail(`"Product" is required for ${t.action}`, 'Give a product or a product variant, by ID, reference or SKU, or by inline parameters');
	}
}

interface ProductEntries {
	identifiers?: Array<{ id?: unknown }>;
	inline?: Array<{ kind?: string; parameters?: unknown }>;
}

/** cart.*: the cart (required to abandon it) and the products added or removed. */
function cartObjects(t: TrackContext): void {
	const node = t.ctx.getNode();
	const itemIndex = t.ctx.getItemIndex();
	const cart = locatorValue(t.param('cart'));
	if (cart) t.body.cart = cart;
	else if (t.action === 'cart.abandoned') throw t.fail('"Cart" is required for cart.abandoned');

	const entries = (t.param('products', {}) ?? {}) as ProductEntries;
	const products: unknown[] = [];
	for (const { id } of entries.identifiers ?? []) {
		const value = locatorValue(id);
		if (!value) throw t.fail('"Products" has an entry without an ID, reference or SKU');
		products.push(value);
	}
	for (const { kind, parameters } of entries.inline ?? []) {
		const hash = parseJsonObject(node, parameters ?? '{}', 'Products › Parameters (JSON)', itemIndex);
		if (Object.keys(hash).length === 0) throw t.fail('"Products" has a new product without parameters');
		products.push({ [kind === 'product_variant_parameters' ? kind : 'product_parameters']: hash });
	}
	const json = t.param('productsJson', '[]');
	if (!(typeof json === 'string' && json.trim() === '')) {
		products.push(...parseJsonArray(node, json, 'Products (JSON)', itemIndex));
	}
	if (products.length > 0) t.body.products = products as IDataObject[];
	else if (t.action !== 'cart.abandoned') throw t.fail(`"Products" is required for ${t.action}`);
}

/** Custom actions: optional app, form, order, product, refund. */
function relatedObjects(t: TrackContext): void {
	const related = (t.param('relatedObjects', {}) ?? {}) as IDataObject;
	for (const name of ['app', 'form', 'order', 'product', 'refund'] as Trackable[]) {
		const id = locatorValue(related[name]);
		if (id) t.body[TRACKABLES[name].api] = id;
	}
}

/** Builds the Track body and checks, before sending, every rule the reference states. */
export async function buildTrackBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const fail: Fail = (message, description) => new NodeOperationError(node, message, { itemIndex, description });
	const param = (name: string, fallback?: unknown) => readParameter(this, name, fallback);
	const chosen = param('action') as string;
	const action = chosen === CUSTOM_ACTION ? String(param('customAction', '') ?? '').trim() : chosen;
	if (!action) throw fail('"Custom Action" is required', 'Choose one of the account’s custom actions');
	const body: IDataObject = { action };
	const t: TrackContext = {
		ctx: this,
		action,
		body,
		fail,
		param,
	};

	const family = chosen === CUSTOM_ACTION ? 'custom' : actionFamily(action);
	if (family === 'custom') relatedObjects(t);
	else if (family === 'cart') cartObjects(t);
	else if (family === 'product') productObjects(t);
	else referencedObject(t, family);

	const profile = locatorValue(param('profile', ''));
	const session = locatorValue(param('session', ''));
	if (!profile && !session) {
		throw fail('"Profile" or "Session" is required', 'Every event belongs to a customer profile or a session');
	}
	if (profile) body.profile = profile;
	if (session) body.session = session;

	const fields = param(additionalFieldsOf('event'), {}) as IDataObject;
	Object.assign(body, eventValues(node, fields, this.getTimezone(), itemIndex));
	if (action === 'app.spent') {
		if (body.amount === undefined) throw fail('"Amount" is required for app.spent');
		if (body.currency === undefined) throw fail('"Currency" is required for app.spent');
	}
	if (body.currency !== undefined && body.amount === undefined) {
		throw fail('"Amount" is required when "Currency" is set');
	}

	request.body = body;
	return request;
}
