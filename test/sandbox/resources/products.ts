// Products and their variants. A product is found by id, then reference, then sku (as the
// reference says); so is a variant. Every product has a default first variant carrying its name,
// sku, reference, price and image. Also the price helpers carts, orders and refunds use.
import { ApiError, invalid, missing, notFound, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { isHttpUrl } from './apps.ts';

const PRODUCTS = 'products';
const VARIANTS = 'product_variants';

// ---- money ------------------------------------------------------------------------------------

/** A price as the API shows it; `asText` gives "100.00" (cart/order items), else a number. */
export function money(amount: number, currency: string, asText = false): JsonObject {
	const shown = asText ? amount.toFixed(2) : amount;
	return { amount: shown, converted_amount: shown, converted_currency: currency, currency };
}

/** A price hash from a request: `{amount, currency?}`; anything else is 422 invalid. */
export function readPrice(value: Json | undefined, parameter: string): { amount: number; currency: string } | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw invalid(parameter, 'The price must be a hash with an amount and a currency.');
	if (value.amount === undefined || value.amount === null || value.amount === '') throw missing(`${parameter}[amount]`);
	const amount = Number(value.amount);
	if (!Number.isFinite(amount) || amount < 0) throw invalid(`${parameter}[amount]`);
	const currency = value.currency === undefined ? 'USD' : value.currency;
	if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw invalid(`${parameter}[currency]`, 'The currency must be an ISO 4217 code.');
	return { amount, currency };
}

/** Amount and currency of a stored price hash. */
export function priceOf(price: Json | undefined): { amount: number; currency: string } | undefined {
	if (!price || typeof price !== 'object' || Array.isArray(price)) return undefined;
	return { amount: Number(price.amount), currency: String(price.currency) };
}

/** Inserts an object and applies a request to it; if that fails, the object is removed again. */
export function insertApplying(
	sb: HellotextSandbox,
	collection: string,
	type: string,
	defaults: JsonObject,
	apply: (object: StoredObject) => void,
	undo?: (object: StoredObject) => void,
): StoredObject {
	const object = sb.insert(collection, type, defaults);
	try {
		apply(object);
	} catch (error) {
		undo?.(object);
		sb.remove(collection, object.id);
		throw error;
	}
	return object;
}

// ---- lookups ----------------------------------------------------------------------------------

function byIdReferenceOrSku(objects: StoredObject[], key: string): StoredObject | undefined {
	return objects.find((o) => o.id === key) ?? objects.find((o) => o.reference === key) ?? objects.find((o) => o.sku === key);
}

/** A product by id, reference or sku; 404 otherwise. */
export function findProduct(sb: HellotextSandbox, key: string): StoredObject {
	const product = byIdReferenceOrSku(sb.collection(PRODUCTS), key);
	if (!product) throw notFound('product', key);
	return product;
}

/** A variant by id, reference or sku; 404 otherwise. */
export function findVariant(sb: HellotextSandbox, key: string): StoredObject {
	const variant = byIdReferenceOrSku(sb.collection(VARIANTS), key);
	if (!variant) throw notFound('product variant', key);
	return variant;
}

/** What a cart or order item names: a product or a variant, by id, reference or sku. */
export function findProductOrVariant(sb: HellotextSandbox, key: Json | undefined, parameter: string): StoredObject {
	if (key === undefined || key === null || key === '') throw missing(parameter);
	const text = String(key);
	const found = byIdReferenceOrSku(sb.collection(PRODUCTS), text) ?? byIdReferenceOrSku(sb.collection(VARIANTS), text);
	if (!found) throw notFound('product', text);
	return found;
}

export function publicProduct(sb: HellotextSandbox, product: StoredObject): JsonObject {
	return { ...product, variants: sb.collection(VARIANTS).filter((v) => v.product === product.id) };
}

// ---- validation ---------------------------------------------------------------------------------

function stringList(value: Json | undefined, parameter: string): string[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) throw invalid(parameter, 'Expected an array of strings.');
	return value as string[];
}

function hash(value: Json | undefined, parameter: string): JsonObject | undefined {
	if (value === undefined) return undefined;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(parameter, 'Expected a hash.');
	return value;
}

function requireName(value: Json | undefined, parameter = 'name'): string {
	if (value === undefined || value === null) throw missing(parameter);
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ApiError(400, 'parameter_invalid_empty', 'This required parameter has an empty value.', parameter);
	}
	return value;
}

const VARIANT_KEYS = ['image_url', 'reference', 'sku', 'source'] as const;

function applyVariant(variant: StoredObject, body: JsonObject, parameter = '') {
	const name = (key: string) => (parameter ? `${parameter}[${key}]` : key);
	if (body.name !== undefined) variant.name = requireName(body.name, name('name'));
	for (const key of VARIANT_KEYS) if (body[key] !== undefined) variant[key] = body[key];
	const metadata = hash(body.metadata, name('metadata'));
	if (metadata) variant.metadata = metadata;
	const price = readPrice(body.price, name('price'));
	if (price) variant.price = money(price.amount, price.currency);
}

export function registerProducts(sb: HellotextSandbox): void {
	const newVariant = (product: StoredObject, body: JsonObject, parameter = '') => {
		requireName(body.name, parameter ? `${parameter}[name]` : 'name');
		const variant = sb.insert(VARIANTS, 'product_variant', {
			image_url: null,
			metadata: {},
			name: null,
			price: product.price,
			product: product.id,
			reference: null,
			sku: null,
			source: product.source,
		});
		applyVariant(variant, body, parameter);
		return variant;
	};
	const variantList = (value: Json | undefined, parameter: string): JsonObject[] | undefined => {
		if (value === undefined) return undefined;
		if (!Array.isArray(value) || value.some((v) => !v || typeof v !== 'object' || Array.isArray(v))) {
			throw invalid(parameter, 'Expected an array of variant hashes.');
		}
		value.forEach((v, i) => requireName((v as JsonObject).name, `${parameter}[${i}][name]`));
		return value as JsonObject[];
	};
	const removeVariants = (product: StoredObject) => {
		for (const variant of sb.collection(VARIANTS).filter((v) => v.product === product.id)) sb.remove(VARIANTS, variant.id);
	};

	const apply = (product: StoredObject, body: JsonObject) => {
		if (body.name !== undefined) product.name = requireName(body.name);
		// The product page (the guides); only when sent, so other products' answers stay as they were.
		if (body.url !== undefined) {
			if (body.url !== null && !isHttpUrl(body.url)) throw invalid('url', 'The url must be an http(s) URL.');
			product.url = body.url;
		}
		for (const key of ['brand', 'image_url', 'reference', 'sku', 'source'] as const) if (body[key] !== undefined) product[key] = body[key];
		for (const key of ['categories', 'collection', 'tags'] as const) {
			const list = stringList(body[key], key);
			if (list) product[key] = list;
		}
		const metadata = hash(body.metadata, 'metadata');
		if (metadata) product.metadata = metadata;
		const price = readPrice(body.price, 'price');
		if (price) product.price = money(price.amount, price.currency);
	};

	sb.route('POST', '/v1/attribution/products', ({ body }) => {
		requireName(body.name);
		const variants = variantList(body.variants, 'variants');
		const product = insertApplying(sb, PRODUCTS, 'product', {
			brand: null,
			categories: [],
			collection: [],
			image_url: null,
			metadata: {},
			name: null,
			price: null,
			reference: null,
			sku: null,
			source: null,
			tags: [],
		}, (created) => {
			apply(created, body);
			newVariant(created, { name: created.name, image_url: created.image_url, reference: created.reference, sku: created.sku });
			for (const [i, variant] of (variants ?? []).entries()) newVariant(created, variant, `variants[${i}]`);
		}, removeVariants);
		return publicProduct(sb, product);
	});
	sb.route('GET', '/v1/attribution/products', ({ query }) => ({
		products: sb.paginate(sb.collection(PRODUCTS), query).map((p) => publicProduct(sb, p)),
	}));
	sb.route('GET', '/v1/attribution/products/:id', ({ params }) => publicProduct(sb, findProduct(sb, params.id)));
	sb.route('PATCH', '/v1/attribution/products/:id', ({ params, body }) => {
		const product = findProduct(sb, params.id);
		const variants = variantList(body.variants, 'variants');
		const added = variantList(body.new_variants, 'new_variants');
		apply(product, body);
		if (variants) {
			removeVariants(product);
			for (const [i, variant] of variants.entries()) newVariant(product, variant, `variants[${i}]`);
		}
		for (const [i, variant] of (added ?? []).entries()) newVariant(product, variant, `new_variants[${i}]`);
		return publicProduct(sb, product);
	});
	sb.route('DELETE', '/v1/attribution/products/:id', ({ params }) => {
		const product = findProduct(sb, params.id);
		removeVariants(product);
		return sb.remove(PRODUCTS, product.id, 'product');
	});

	sb.route('POST', '/v1/attribution/products/:product/variants', ({ params, body }) => newVariant(findProduct(sb, params.product), body));
	sb.route('GET', '/v1/attribution/variants/:id', ({ params }) => findVariant(sb, params.id));
	sb.route('PATCH', '/v1/attribution/variants/:id', ({ params, body }) => {
		const variant = findVariant(sb, params.id);
		requireName(body.name);
		applyVariant(variant, body);
		return variant;
	});
	sb.route('DELETE', '/v1/attribution/variants/:id', ({ params }) => sb.remove(VARIANTS, findVariant(sb, params.id).id, 'product variant'));
}
