// Tracked events (POST /v1/attribution/events) and their Get / Update / Delete / Get Many. Tracking
// checks what the reference states: an action that exists, a profile or a session, the object each
// built-in family refers to (by id or by `<family>_parameters`, which creates it through that
// resource's own Create route), amount with currency, and answers {"status": "received"}.
import { ApiError, invalid, missing, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';

const BUILT_IN: Record<string, string[]> = {
	app: ['app.installed', 'app.removed', 'app.spent'],
	cart: ['cart.added', 'cart.removed', 'cart.abandoned'],
	coupon: ['coupon.redeemed'],
	form: ['form.completed'],
	order: ['order.placed', 'order.confirmed', 'order.cancelled', 'order.shipped', 'order.delivered', 'order.printed_label'],
	product: ['product.purchased', 'product.viewed'],
	refund: ['refund.requested', 'refund.received'],
};

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
const noRoute = (body: Json) => isHash(body) && Array.isArray(body.errors) && String((body.errors[0] as JsonObject)?.message).startsWith('No route');

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
		const trackable = trackables(body, event, familyOf(action.name as string));
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
