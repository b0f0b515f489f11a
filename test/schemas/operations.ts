// One run of every Hellotext operation against the sandbox: the objects the runs refer to (the
// world) and, in one table, each operation's input parameters. `npm run schemas` derives the
// output schemas from these runs; test/schemas/schemas.test.ts checks them and that every
// operation of the node description is here.
//
// Parameters are given by name; `place` puts each one where the node description has it: a
// top-level field, or an option inside the operation's collection (Additional Fields, Update
// Fields, Filters), whatever that collection is called; a field renamed after its resource
// (`name` → `listName`) is found by its old name. Only another rename needs an edit here.
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Hellotext } from '../../nodes/Hellotext/Hellotext.node.ts';
import type { HellotextSandbox } from '../sandbox/index.ts';
import { seedDemoData } from '../sandbox/seed.ts';
import type { Obj } from '../support/types';

/** Ids of the objects the runs use, made through the sandbox's API before each run. */
export interface World {
	profile: string;
	otherProfile: string;
	list: string;
	property: string;
	coupon: string;
	eventType: string;
	app: string;
	form: string;
	product: string;
	variant: string;
	order: string;
	orderItem: string;
	cart: string;
	refund: string;
	event: string;
	session: string;
	/** The WhatsApp template of the demo data, with its named short link `tracking`. */
	template: string;
	objectType: string;
	message: string;
}

export function buildWorld(sb: HellotextSandbox): World {
	seedDemoData(sb, 3);
	const call = (method: string, path: string, body?: Obj) => sb.call(method, path, body) as Obj;
	const first = <T = Obj>(path: string, key: string) => (call('GET', path)[key] as T[])[0];
	const color = (call('GET', '/v1/properties').properties as Obj[]).find((p) => p.name === 'Favorite color')!;
	const profile = call('POST', '/v1/profiles', {
		first_name: 'Ada',
		last_name: 'Lovelace',
		email: 'ada@example.com',
		phone: '+59899123456',
		address: { street: { name: 'Av. Brasil', number: '2555' }, city: 'Montevideo', country: 'UY', zip: '11300' },
		lists: ['Newsletter'],
		subscribe: true,
		property: { 'Favorite color': 'green' },
	}).id as string;
	// Fields the demo data leaves empty, so the schemas show their type rather than null.
	call('PATCH', `/v1/attribution/apps/${first<Obj>('/v1/attribution/apps', 'apps').id as string}`, { image_url: 'https://shop.example.com/app.png' });
	const coupon = call('POST', '/v1/coupons', {
		code: 'SUMMER5',
		description: '5% off in summer',
		destination_url: 'https://shop.example.com/summer',
		reference: 'SUMMER',
	}).id as string;
	call('POST', '/v1/properties', { kind: 'email', name: 'work', profile });
	const product = first('/v1/attribution/products', 'products');
	call('PATCH', `/v1/attribution/products/${product.id as string}`, {
		brand: 'Trail Co',
		categories: ['shoes', 'running'],
		collection: ['summer'],
		tags: ['outdoor'],
		image_url: 'https://shop.example.com/shoe.png',
		metadata: { season: 'summer' },
		source: 'shopify',
	});
	const variant = call('POST', `/v1/attribution/products/${product.id as string}/variants`, {
		name: 'Size 42',
		sku: 'SKU-SHOE-42',
		reference: 'SHOE-42',
		image_url: 'https://shop.example.com/shoe-42.png',
		price: { amount: 125, currency: 'USD' },
		metadata: { size: '42' },
		source: 'shopify',
	});
	const order = call('POST', '/v1/attribution/orders', {
		items: [{ product: product.id, quantity: 2, price: { amount: 110, currency: 'USD' } }],
		delivery: 'deliver',
		metadata: { store: 'Montevideo' },
		reference: 'ORDER-1',
		source: 'shopify',
	});
	const session = sb.insert('sessions', 'session', { profile: null }).id;
	const cart = call('POST', '/v1/attribution/carts', {
		profile,
		session,
		items: [{ product: product.id, quantity: 1, price: { amount: 120, currency: 'USD' } }],
		metadata: { channel: 'web' },
		reference: 'CART-1',
		source: 'shopify',
	});
	const refund = call('POST', '/v1/attribution/refunds', {
		order: order.id,
		profile,
		total: { amount: 110, currency: 'USD' },
		metadata: { reason: 'size' },
		reference: 'REFUND-1',
		source: 'shopify',
	});
	call('POST', '/v1/attribution/events', { action: 'cart.added', session, products: [product.id], amount: 120, currency: 'USD' });
	call('POST', '/v1/attribution/events', {
		action: 'order.placed',
		profile,
		order: order.id,
		amount: 220,
		currency: 'USD',
		metadata: { channel: 'web' },
		url: 'https://shop.example.com/checkout',
	});
	const templates = call('GET', '/v1/templates').templates as Obj[];
	const template = templates.find((t) => t.technology === 'whatsapp')!;
	call('POST', '/v1/messages', { technology: 'whatsapp', profile, template: { id: template.id, shortlinks: { tracking: 'https://shop.example.com/t/1' } } });
	return {
		template: template.id,
		objectType: (call('GET', '/v1/objects').objects as Obj[]).find((o) => o.built_in === false)!.id,
		message: (call('GET', '/v1/messages').messages as Obj[])[0].id,
		profile,
		otherProfile: (call('GET', '/v1/profiles').profiles as Obj[]).find((p) => p.id !== profile)!.id,
		list: (call('GET', '/v1/lists').lists as Obj[]).find((l) => l.name === 'Newsletter')!.id,
		property: color.id,
		coupon,
		eventType: first<Obj>('/v1/attribution/actions', 'actions').id,
		app: first<Obj>('/v1/attribution/apps', 'apps').id,
		form: first<Obj>('/v1/attribution/forms', 'forms').id,
		product: product.id,
		variant: variant.id,
		order: order.id,
		orderItem: order.items[0].id,
		cart: cart.id,
		refund: refund.id,
		event: first<Obj>('/v1/attribution/events', 'events').id,
		session,
	};
}

const id = (value: string) => ({ __rl: true, mode: 'id', value });
const all = { returnAll: true };
const rows = (values: Obj) => ({ values: Object.entries(values).map(([key, value]) => ({ key, value })) });
const items = (product: string, quantity: number, amount: string) => ({
	item: [{ product, quantity, priceAmount: amount, priceCurrency: 'USD' }],
});

/**
 * Each operation's input parameters ("resource/operation" → parameters, built from the world).
 * An array runs the operation once per entry; the schema covers the outputs of all of them.
 */
export const OPERATION_INPUTS: Record<string, (w: World) => Obj | Obj[]> = {
	'eventType/create': () => ({ name: 'signup.completed', title: 'Signup completed', goal: true, passive: false }),
	'eventType/delete': (w) => ({ eventTypeId: id(w.eventType) }),
	'eventType/get': (w) => ({ eventTypeId: id(w.eventType) }),
	'eventType/getAll': () => all,
	'eventType/update': (w) => ({ eventTypeId: id(w.eventType), name: 'subscriber.joined', title: 'Subscriber joined', goal: true }),

	'app/create': () => ({ name: 'POS', imageUrl: 'https://shop.example.com/pos.png' }),
	'app/delete': (w) => ({ appId: id(w.app) }),
	'app/get': (w) => ({ appId: id(w.app) }),
	'app/getAll': () => all,
	'app/update': (w) => ({ appId: id(w.app), name: 'Demo Shop 2', imageUrl: 'https://shop.example.com/app.png' }),

	'cart/create': (w) => [
		{ profileId: id(w.profile), items: items(w.product, 2, '99.90'), metadata: rows({ channel: 'web' }), reference: 'CART-2', source: 'shopify' },
		{ session: w.session },
	],
	'cart/delete': (w) => ({ cartId: id(w.cart) }),
	'cart/get': (w) => ({ cartId: id(w.cart) }),
	'cart/getAll': () => all,
	'cart/update': (w) => ({ cartId: id(w.cart), newItems: items(w.product, 1, '120'), reference: 'CART-1B' }),

	'coupon/create': () => ({
		code: 'SPRING20',
		description: '20% off in spring',
		destinationUrl: 'https://shop.example.com/spring',
		reference: 'SPRING',
	}),
	'coupon/delete': (w) => ({ couponId: id(w.coupon) }),
	'coupon/get': (w) => ({ couponId: id(w.coupon) }),
	'coupon/getAll': () => all,
	'coupon/update': (w) => ({
		couponId: id(w.coupon),
		code: 'WELCOME15',
		description: '15% off your first order',
		destinationUrl: 'https://shop.example.com/welcome',
		reference: 'WELCOME',
	}),

	'event/delete': (w) => ({ eventId: id(w.event) }),
	'event/get': (w) => ({ eventId: id(w.event) }),
	'event/getAll': () => all,
	'event/track': (w) => ({ eventType: 'order.placed', order: id(w.order), profile: id(w.profile), amount: 220, currency: 'USD' }),
	'event/update': (w) => ({ eventId: id(w.event), amount: 230, currency: 'USD', url: 'https://shop.example.com/thanks' }),

	'form/create': () => ({ name: 'Contest', metadata: rows({ campaign: 'spring' }) }),
	'form/delete': (w) => ({ formId: id(w.form) }),
	'form/get': (w) => ({ formId: id(w.form) }),
	'form/getAll': () => all,
	'form/update': (w) => ({ formId: id(w.form), name: 'Newsletter signup 2', metadata: rows({ campaign: 'autumn' }) }),

	'list/addProfile': (w) => ({ listId: id(w.list), profileId: id(w.otherProfile) }),
	'list/create': () => ({ name: 'Spring buyers' }),
	'list/delete': (w) => ({ listId: id(w.list) }),
	'list/get': (w) => ({ listId: id(w.list) }),
	'list/getAll': () => all,
	'list/removeProfile': (w) => ({ listId: id(w.list), profileId: id(w.profile) }),
	'list/update': (w) => ({ listId: id(w.list), name: 'Weekly newsletter' }),

	'order/create': (w) => ({
		items: items(w.product, 1, '120'),
		delivery: 'collect',
		metadata: rows({ store: 'Punta Carretas' }),
		reference: 'ORDER-2',
		source: 'pos',
	}),
	'order/delete': (w) => ({ orderId: id(w.order) }),
	'order/get': (w) => ({ orderId: id(w.order) }),
	'order/getAll': () => all,
	'order/update': (w) => ({ orderId: id(w.order), delivery: 'collect', reference: 'ORDER-1B' }),

	'orderItem/create': (w) => ({ orderId: id(w.order), productId: id(w.product), priceAmount: 100, priceCurrency: 'USD', quantity: 1 }),
	'orderItem/delete': (w) => ({ orderId: id(w.order), orderItemId: w.orderItem }),
	'orderItem/update': (w) => ({ orderId: id(w.order), orderItemId: w.orderItem, quantity: 3 }),

	'product/create': () => ({
		name: 'Rain Jacket',
		brand: 'Trail Co',
		categories: 'jackets, outdoor',
		collection: 'autumn',
		imageUrl: 'https://shop.example.com/jacket.png',
		metadata: rows({ season: 'autumn' }),
		priceAmount: 80,
		priceCurrency: 'USD',
		reference: 'JACKET-1',
		sku: 'SKU-JACKET-1',
		source: 'shopify',
		tags: 'rain, outdoor',
		variants: { variant: [{ name: 'Medium', sku: 'SKU-JACKET-M', reference: 'JACKET-M', priceAmount: '80', priceCurrency: 'USD', imageUrl: '' }] },
	}),
	'product/delete': (w) => ({ productId: id(w.product) }),
	'product/get': (w) => ({ productId: id(w.product) }),
	'product/getAll': () => all,
	'product/update': (w) => ({ productId: id(w.product), name: 'Trail Running Shoes 2', priceAmount: 115, priceCurrency: 'USD' }),

	'productVariant/create': (w) => ({
		productId: id(w.product),
		name: 'Size 43',
		sku: 'SKU-SHOE-43',
		reference: 'SHOE-43',
		priceAmount: 125,
		priceCurrency: 'USD',
		metadata: rows({ size: '43' }),
		imageUrl: 'https://shop.example.com/shoe-43.png',
		source: 'shopify',
	}),
	'productVariant/delete': (w) => ({ productVariantId: id(w.variant) }),
	'productVariant/get': (w) => ({ productVariantId: id(w.variant) }),
	'productVariant/update': (w) => ({ productVariantId: id(w.variant), name: 'Size 42 EU', priceAmount: 130, priceCurrency: 'USD' }),

	'profile/create': () => ({
		firstName: 'Grace',
		lastName: 'Hopper',
		email: 'grace@example.com',
		phone: '+59899654321',
		lists: ['Newsletter'],
		subscribe: true,
		properties: rows({ 'Favorite color': 'blue' }),
	}),
	'profile/delete': (w) => ({ profileId: id(w.profile) }),
	'profile/get': (w) => ({ profileId: id(w.profile) }),
	'profile/getAll': () => all,
	'profile/subscribe': (w) => ({ profileId: id(w.profile) }),
	'profile/unsubscribe': (w) => ({ profileId: id(w.profile) }),
	'profile/unverify': (w) => ({ profileId: id(w.profile), contactType: 'email', contact: 'ada@example.com' }),
	'profile/update': (w) => ({ profileId: id(w.profile), lastName: 'King', newDefaultPhone: '+59899111222' }),
	'profile/upsert': () => [
		{ matchBy: 'email', email: 'ada@example.com', firstName: 'Ada', lastName: 'King' },
		{ matchBy: 'email', email: 'new@example.com', firstName: 'Newcomer' },
	],
	'profile/verify': (w) => ({ profileId: id(w.profile), contactType: 'phone', contact: '+59899123456' }),

	'property/create': () => ({ kind: 'text', name: 'Shoe size', position: 1, unique: false }),
	'property/delete': (w) => ({ propertyId: id(w.property) }),
	'property/get': (w) => ({ propertyId: id(w.property) }),
	'property/getAll': () => all,
	'property/update': (w) => ({ propertyId: id(w.property), name: 'Favourite colour', position: 1 }),

	'refund/create': (w) => ({
		order: id(w.order),
		profile: id(w.profile),
		totalAmount: 110,
		totalCurrency: 'USD',
		metadata: rows({ reason: 'size' }),
		reference: 'REFUND-2',
		source: 'shopify',
	}),
	'refund/delete': (w) => ({ refundId: id(w.refund) }),
	'refund/get': (w) => ({ refundId: id(w.refund) }),
	'refund/getAll': () => all,
	'refund/update': (w) => ({ refundId: id(w.refund), reference: 'REFUND-1B', totalAmount: 100 }),

	'message/send': (w) => [
		{ channel: 'sms', sendTo: 'phone', phoneNumber: '+12025550143', content: 'text', text: 'Your order is ready.', sender: '+12025550100' },
		{
			channel: 'whatsapp',
			sendTo: 'profile',
			messageProfileId: id(w.profile),
			content: 'template',
			messageTemplateId: id(w.template),
			shortLinks: { link: [{ name: 'tracking', url: 'https://shop.example.com/t/2' }] },
		},
	],
	'message/get': (w) => ({ messageId: id(w.message) }),
	'message/getAll': () => all,

	'objectType/create': () => ({
		title: 'Appointments',
		name: 'appointment',
		properties: { property: [{ name: 'service', kind: 'text', required: true, unique: false }] },
	}),
	'objectType/get': (w) => ({ objectTypeId: id(w.objectType) }),
	'objectType/getAll': () => all,
	'objectType/update': (w) => ({ objectTypeId: id(w.objectType), propertyChanges: { property: [{ name: 'technician', kind: 'text', required: false, unique: false }] } }),

	'template/create': () => ({
		name: 'Shipped',
		channel: 'whatsapp',
		category: 'utility',
		body: 'Hello {first_name}, your order is on its way: {shortlink:tracking}.',
		headerText: 'Shipped',
		footer: 'Reply STOP to opt out',
		buttons: { button: [{ type: 'url', text: 'Track', url: 'https://shop.example.com/track' }] },
	}),
	'template/delete': (w) => ({ templateId: id(w.template) }),
	'template/get': (w) => ({ templateId: id(w.template) }),
	'template/getAll': () => all,
	'template/update': (w) => ({ templateId: id(w.template), footer: 'Questions? Reply here' }),

	'session/attachProfile': (w) => ({ sessionId: w.session, profileId: id(w.profile) }),
};

const description = new Hellotext().description;

/** The node description's resource/operation pairs, as "resource/operation". */
export function describedOperations(): string[] {
	const resources = description.properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>;
	return resources.flatMap(({ value: resource }) =>
		((shownFor(resource).find((p) => p.name === 'operation')?.options ?? []) as Array<{ value: string }>).map(
			({ value: operation }) => `${resource}/${operation}`,
		),
	);
}

function shownFor(resource: string, operation?: string): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return (
			(show?.resource as string[] | undefined)?.includes(resource) &&
			(operation === undefined || (show?.operation as string[] | undefined)?.includes(operation))
		);
	});
}

/**
 * The node parameters for "resource/operation" with the given values, each placed as a
 * top-level field when the operation shows one by that name, else inside the operation's
 * collection that offers it. Fails on a name the operation does not have.
 */
export function place(key: string, values: Obj): INodeParameters {
	const [resource, operation] = key.split('/');
	const shown = shownFor(resource, operation);
	const parameters: IDataObject = { resource, operation };
	for (const [given, value] of Object.entries(values)) {
		// A field renamed after its resource (the node's naming: `name` → `listName`) is found too.
		const prefixed = `${resource}${given.charAt(0).toUpperCase()}${given.slice(1)}`;
		const name = shown.some((p) => p.name === given) ? given : shown.some((p) => p.name === prefixed) ? prefixed : given;
		if (shown.some((p) => p.name === name && p.type !== 'collection')) {
			parameters[name] = value;
			continue;
		}
		const collection = shown.find(
			(p) => p.type === 'collection' && (p.options as INodeProperties[]).some((option) => option.name === name),
		);
		if (!collection) throw new Error(`${key}: the node has no field "${name}" for this operation`);
		parameters[collection.name] = { ...(parameters[collection.name] as IDataObject), [name]: value };
	}
	return parameters as INodeParameters;
}
