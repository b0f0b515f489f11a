// Tracked events (POST /v1/attribution/events) and their Get / Update / Delete / Get Many. Tracking
// checks what the reference states: an action that exists, a profile or a session, the object each
// built-in family refers to (by id or by `<family>_parameters`, which creates it through that
// resource's own Create route), amount with currency, and answers {"status": "received"}.
// From the developer guides: the generic object form of custom structures (`object_type` with
// `object` or `object_parameters`, objects.ts), the actions page.viewed, cart.viewed,
// checkout.started, subscribed and unsubscribed, and the internal actions (order.printed_label
// among them) refused.
import { ApiError, invalid, missing, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { findStructure } from './objects.ts';

const BUILT_IN: Record<string, string[]> = {
	app: ['app.installed', 'app.removed', 'app.spent'],
	cart: ['cart.added', 'cart.removed', 'cart.abandoned'],
	coupon: ['coupon.redeemed'],
	form: ['form.completed'],
	order: ['order.placed', 'order.confirmed', 'order.cancelled', 'order.shipped', 'order.delivered'],
	product: ['product.purchased', 'product.viewed'],
	refund: ['refund.requested', 'refund.received'],
	// The guides' actions for integrations: no object; cart.viewed and checkout.started may name a cart.
	page: ['page.viewed'],
	checkout: ['cart.viewed', 'checkout.started'],
	subscription: ['subscribed', 'unsubscribed'],
};

/** Actions Hellotext generates itself, "not to send" (the guides; the reference lists order.printed_label as trackable). */
export const INTERNAL_ACTIONS = ['order.printed_label', 'product.browse_abandoned', 'product.price_changed', 'short_link.clicked'];

const familyOf = (action: string) => Object.keys(BUILT_IN).find((family) => BUILT_IN[family].includes(action)) ?? 'custom';

/** Where each object an event refers to lives: its API path, and the collection as a fallback. */
const OBJECTS: Record<string, { path: string; collection: string; what: string }> = {
	app: { path: '/v1/attribution/apps', collection: 'apps', what: 'app' },
	cart: { path: '/v1/attribution/carts', collection: 'carts', what: 'cart' },
	coupon: { path: '/v1/coupons', collection: 'coupons', what: 'coupon' },
	form: { path: '/v1/attribution/forms', collection: 'forms', what: 'form' },
	order: { path: '/v1/attribution/orders', collection: 'orders', what: 'order' },
	product: { path: '/v1/attribution/products', collection: 'products', what: 'product' },
	product_variant: { path: '/v1/attribution/variants', collection: 'product_variants', what: 'product variant' },
	refund: { path: '/v1/attribution/refunds', collection: 'refunds', what: 'refund' },
};

/** The objects an Update may point the event at (the reference's Update parameters). */
const UPDATABLE = ['app', 'form', 'order', 'product', 'refund'];

const blank = (value: Json | undefined) => value === undefined || value === null || value === '';
const isHash = (value: Json | undefined): value is JsonObject => !!value && typeof value === 'object' && !Array.isArray(value);
const noRoute = (body: Json | undefined) => isHash(body) && Array.isArray(body.errors) && String((body.errors[0] as JsonObject)?.message).startsWith('No route');

export function registerEvents(sb: HellotextSandbox): void {
	const builtInActionIds = new Map<string, string>();

	const dispatch = (method: string, path: string, body?: JsonObject) =>
		sb.dispatch({ method, path, query: {}, body, headers: { authorization: `Bearer ${sb.token}` } });

	/** An existing object by what the request gave (id; products and variants also reference or sku). */
	const lookup = (kind: string, key: Json, parameter = kind): StoredObject => {
		const spec = OBJECTS[kind];
		const text = String(key);
		const reply = dispatch('GET', `${spec.path}/${encodeURIComponent(text)}`);
		if ((reply.status ?? 200) < 400) return reply.body as StoredObject;
		const fallback = noRoute(reply.body) ? sb.find(spec.collection, text) : undefined;
		if (fallback) return fallback;
		throw new ApiError(404, 'not_found', `This ${spec.what} was not found. Perhaps it was deleted. (${text})`, parameter);
	};

	/** `<kind>_parameters`: the object is created with the resource's own Create, its errors renamed. */
	const create = (kind: string, params: Json, parameter: string, path = OBJECTS[kind].path): StoredObject => {
		if (!isHash(params) || Object.keys(params).length === 0) throw invalid(parameter, 'Expected a hash of parameters.');
		const reply = dispatch('POST', path, params);
		if ((reply.status ?? 200) < 400) return reply.body as StoredObject;
		if (noRoute(reply.body)) return sb.insert(OBJECTS[kind].collection, kind, { metadata: {}, ...params });
		const [error] = ((reply.body as JsonObject).errors ?? []) as JsonObject[];
		const inner = error?.parameter ? `${parameter}[${String(error.parameter)}]` : parameter;
		throw new ApiError(reply.status ?? 422, String(error?.type ?? 'invalid'), String(error?.message ?? 'Invalid parameters.'), inner);
	};

	const actionObject = (name: Json | undefined): JsonObject => {
		if (blank(name)) throw missing('action');
		if (typeof name !== 'string') throw invalid('action');
		if (INTERNAL_ACTIONS.includes(name)) throw invalid('action', `${name} is an action Hellotext tracks itself: it cannot be sent.`);
		if (familyOf(name) !== 'custom') {
			if (!builtInActionIds.has(name)) builtInActionIds.set(name, sb.newId());
			return { id: builtInActionIds.get(name)!, name, title: name };
		}
		const custom = sb.collection('actions').find((a) => a.name === name);
		if (!custom) throw invalid('action', `The action "${name}" does not exist. Create it first.`);
		return { id: custom.id, name, title: (custom.title as Json) ?? name };
	};

	/** profile / session, checked: the profile exists; a session of another profile is refused. */
	const owner = (body: JsonObject, event: JsonObject, current: JsonObject = {}) => {
		if (!blank(body.profile)) event.profile = sb.get('profiles', String(body.profile), 'profile').id;
		if (!blank(body.session)) event.session = String(body.session);
		const profile = event.profile ?? current.profile;
		const sessionId = event.session ?? current.session;
		const session = typeof sessionId === 'string' ? sb.find('sessions', sessionId) : undefined;
		if (session?.profile && profile && session.profile !== profile) {
			throw new ApiError(422, 'session_assigned_to_another_profile', 'The session is assigned to another profile.', 'session');
		}
	};

	/** Once the event is accepted: a free session is assigned to the profile, an assigned one lends its profile. */
	const settleSession = (event: JsonObject) => {
		const session = typeof event.session === 'string' ? sb.find('sessions', event.session) : undefined;
		if (!session) return;
		if (event.profile) session.profile = event.profile as string;
		else if (session.profile) event.profile = session.profile;
	};

	const number = (value: Json | undefined, parameter: string): number | undefined => {
		if (value === undefined || value === null) return undefined;
		const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
		if (!Number.isFinite(parsed)) throw invalid(parameter);
		return parsed;
	};

	/** amount, currency, metadata, tracked_at, url: the values Track and Update share. */
	const values = (body: JsonObject, event: JsonObject) => {
		const amount = number(body.amount, 'amount');
		if (amount !== undefined) event.amount = amount;
		if (body.currency !== undefined) {
			if (typeof body.currency !== 'string' || !/^[A-Z]{3}$/.test(body.currency)) throw invalid('currency', 'The currency must be an ISO 4217 code.');
			event.currency = body.currency;
		}
		if (body.metadata !== undefined) {
			if (!isHash(body.metadata)) throw invalid('metadata', 'Expected a hash.');
			event.metadata = body.metadata;
		}
		const trackedAt = number(body.tracked_at, 'tracked_at');
		if (trackedAt !== undefined) {
			if (!Number.isInteger(trackedAt) || trackedAt < 0) throw invalid('tracked_at', 'Expected epoch seconds.');
			event.tracked_at = trackedAt;
		}
		if (body.url !== undefined && body.url !== null) {
			if (typeof body.url !== 'string' || !URL.canParse(body.url)) throw invalid('url');
			event.url = body.url;
		}
	};

	/** The object of a family: by id, or created from `<family>_parameters`; never both. */
	const objectOf = (body: JsonObject, kind: string, required: boolean): StoredObject | undefined => {
		const parameters = `${kind}_parameters`;
		if (!blank(body[kind]) && body[parameters] !== undefined) {
			throw new ApiError(422, 'ambiguous_parameter', `Pass either ${kind} or ${parameters}, not both.`, kind);
		}
		if (!blank(body[kind])) return lookup(kind, body[kind]);
		if (body[parameters] !== undefined) return create(kind, body[parameters], parameters);
		if (required) throw missing(kind);
		return undefined;
	};

	/** cart.* products: ids (references, skus) of products or variants, or hashes creating them. */
	const cartProducts = (value: Json | undefined): StoredObject[] => {
		if (value === undefined) return [];
		if (!Array.isArray(value)) throw invalid('products', 'Expected an array of products.');
		return value.map((entry, i) => {
			const parameter = `products[${i}]`;
			if (typeof entry === 'string' && entry !== '') {
				const product = sb.collection('products').some((p) => [p.id, p.reference, p.sku].includes(entry));
				return lookup(product ? 'product' : 'product_variant', entry, parameter);
			}
			if (!isHash(entry)) throw invalid(parameter, 'Expected a product identifier or a hash of parameters.');
			if (entry.product_variant_parameters !== undefined) {
				const variant = entry.product_variant_parameters;
				if (!isHash(variant) || blank(variant.product)) throw missing(`${parameter}[product_variant_parameters][product]`);
				const product = lookup('product', variant.product, `${parameter}[product_variant_parameters][product]`);
				const { product: _product, ...rest } = variant;
				void _product;
				return create('product_variant', rest, `${parameter}[product_variant_parameters]`, `/v1/attribution/products/${product.id}/variants`);
			}
			return create('product', entry.product_parameters ?? entry, `${parameter}[product_parameters]`);
		});
	};

	/** Resolves the objects of the action's family into the event; returns the trackable. */
	const trackables = (body: JsonObject, event: JsonObject, family: string): StoredObject | undefined => {
		const action = (event.action as JsonObject).name as string;
		const refer = (kind: string, object: StoredObject | undefined) => {
			if (object) event[kind] = object.id;
			return object;
		};
		switch (family) {
			case 'app':
			case 'coupon':
			case 'form':
			case 'order':
			case 'refund':
				return refer(family, objectOf(body, family, true));
			case 'product': {
				const product = refer('product', objectOf(body, 'product', false));
				if (body.product_variant_parameters !== undefined) {
					if (!product || blank(body.product)) throw missing('product');
					const created = create('product_variant', body.product_variant_parameters, 'product_variant_parameters', `/v1/attribution/products/${product.id}/variants`);
					event.product_variant = created.id;
					return created;
				}
				const variant = refer('product_variant', blank(body.product_variant) ? undefined : lookup('product_variant', body.product_variant));
				if (!product && !variant) throw missing('product');
				return variant ?? product;
			}
			case 'checkout':
				// cart.viewed, checkout.started: an optional cart, checked like other carts.
				return refer('cart', blank(body.cart) ? undefined : lookup('cart', body.cart));
			case 'page':
			case 'subscription':
				return undefined;
			case 'cart': {
				const products = cartProducts(body.products);
				if (action !== 'cart.abandoned' && products.length === 0) throw missing('products');
				let cart = blank(body.cart) ? undefined : lookup('cart', body.cart);
				if (!cart && action === 'cart.abandoned') throw missing('cart');
				if (!cart) {
					cart = sb.insert('carts', 'cart', { items: [], metadata: {}, profile: (event.profile as Json) ?? null, reference: null, session: (event.session as Json) ?? null, source: null });
				}
				const stored = sb.find('carts', cart.id) ?? cart;
				const items = (Array.isArray(stored.items) ? stored.items : []) as JsonObject[];
				const ids = products.map((p) => p.id);
				if (action === 'cart.added') {
					for (const product of products) {
						items.push({ id: sb.newId(), type: 'cart_item', created_at: sb.now(), price: (product.price as Json) ?? null, product: product.id, quantity: 1 });
					}
				} else if (action === 'cart.removed') {
					stored.items = items.filter((item) => !ids.includes(item.product as string));
				}
				if (ids.length) event.products = ids;
				event.cart = cart.id;
				return cart;
			}
			default:
				for (const kind of UPDATABLE) if (!blank(body[kind])) event[kind] = lookup(kind, body[kind]).id;
				return undefined;
		}
	};

	/**
	 * The generic object form of custom structures: `object_type` (a custom structure's name or
	 * id) with either `object` (an instance of it) or `object_parameters` (creating one). Stores
	 * `object_type` (the structure id) and `object` (the instance id); returns the instance.
	 */
	const customObject = (body: JsonObject, event: JsonObject): StoredObject | undefined => {
		const hasObject = !blank(body.object);
		const hasParameters = body.object_parameters !== undefined && body.object_parameters !== null;
		if (blank(body.object_type) && !hasObject && !hasParameters) return undefined;
		if (hasObject && hasParameters) {
			throw new ApiError(422, 'ambiguous_parameter', 'Pass either object or object_parameters, not both.', 'object');
		}
		if (blank(body.object_type)) throw invalid('object_type', 'object_type (the custom structure’s name or id) is required with object or object_parameters.');
		const structure = typeof body.object_type === 'string' ? findStructure(sb, body.object_type) : undefined;
		if (!structure || structure.built_in === true) throw invalid('object_type', `There is no custom object structure ${String(body.object_type)}.`);
		if (!hasObject && !hasParameters) throw invalid('object', 'Send object (an instance id) or object_parameters with object_type.');
		let instance: StoredObject;
		if (hasObject) {
			const found = typeof body.object === 'string' ? sb.find('object_instances', body.object) : undefined;
			if (!found || found.object_type !== structure.id) throw invalid('object', `The ${String(structure.name)} ${String(body.object)} does not exist.`);
			instance = found;
		} else {
			instance = newInstance(structure, body.object_parameters as Json);
		}
		event.object_type = structure.id;
		event.object = instance.id;
		return instance;
	};

	/** An instance of `structure` from `object_parameters`: property names as keys, or `property_by_id`. */
	const newInstance = (structure: StoredObject, params: Json): StoredObject => {
		const definitions = structure.properties as JsonObject[];
		if (!isHash(params) || Object.keys(params).length === 0) throw invalid('object_parameters', 'Expected a hash of property values.');
		if (definitions.length === 0) throw invalid('object_parameters', `The structure ${String(structure.name)} has no properties yet.`);
		const values: JsonObject = {};
		for (const [key, value] of Object.entries(params)) {
			if (key === 'property_by_id') {
				if (!isHash(value)) throw invalid('object_parameters', 'property_by_id must be a hash of property id to value.');
				for (const [id, byId] of Object.entries(value)) {
					const definition = definitions.find((d) => d.id === id);
					if (!definition) throw invalid('object_parameters', `The structure ${String(structure.name)} has no property ${id}.`);
					values[definition.name as string] = byId;
				}
				continue;
			}
			if (!definitions.some((d) => d.name === key)) throw invalid('object_parameters', `The structure ${String(structure.name)} has no property "${key}".`);
			values[key] = value;
		}
		const siblings = sb.collection('object_instances').filter((i) => i.object_type === structure.id);
		for (const definition of definitions) {
			const name = definition.name as string;
			if (definition.required === true && blank(values[name])) throw invalid('object_parameters', `The property "${name}" is required.`);
			if (definition.unique === true && !blank(values[name])) {
				const taken = siblings.some((i) => JSON.stringify((i.properties as JsonObject)[name]) === JSON.stringify(values[name]));
				if (taken) throw invalid('object_parameters', `Another ${String(structure.name)} has the ${name} ${JSON.stringify(values[name])}: it must be unique.`);
			}
		}
		return sb.insert('object_instances', 'object_instance', { object_type: structure.id, properties: values });
	};

	sb.route('POST', '/v1/attribution/events', ({ body }) => {
		const action = actionObject(body.action);
		if (blank(body.profile) && blank(body.session)) throw missing('profile');
		const now = sb.now();
		const event: JsonObject = {
			action,
			amount: null,
			converted_amount: null,
			converted_amount_currency: null,
			currency: 'USD',
			metadata: {},
			profile: null,
			session: null,
			trackable: null,
			tracked_at: now,
			url: null,
		};
		owner(body, event);
		values(body, event);
		if (body.currency !== undefined && body.amount === undefined) throw missing('amount');
		if (action.name === 'app.spent') {
			if (body.amount === undefined) throw missing('amount');
			if (body.currency === undefined) throw missing('currency');
		}
		const custom = customObject(body, event);
		const trackable = trackables(body, event, familyOf(action.name as string)) ?? custom;
		if (trackable) event.trackable = { id: trackable.id, type: trackable.type };
		if (typeof event.amount === 'number') event.converted_amount = event.amount.toFixed(2);
		if (typeof event.amount === 'number') event.converted_amount_currency = event.currency;
		settleSession(event);
		sb.insert('events', 'event', event);
		return { status: 'received' };
	});

	sb.route('PATCH', '/v1/attribution/events/:id', ({ params, body }) => {
		const event = sb.get('events', params.id, 'event');
		const changes: JsonObject = {};
		if (body.action !== undefined) changes.action = actionObject(body.action);
		owner(body, changes, event);
		values(body, changes);
		for (const kind of UPDATABLE) if (!blank(body[kind])) changes[kind] = lookup(kind, body[kind]).id;
		if (body.products !== undefined) {
			if (!Array.isArray(body.products)) throw invalid('products', 'Expected an array of product identifiers.');
			changes.products = body.products.map((key, i) => lookup('product', key, `products[${i}]`).id);
		}
		Object.assign(event, changes);
		settleSession(event);
		return event;
	});

	sb.crud('/v1/attribution/events', 'events', 'events', 'event');
}
