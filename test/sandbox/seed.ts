import type { HellotextSandbox } from './server.ts';

type Obj = Record<string, unknown>;

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen'];

/** Demo data for a person exploring the sandbox from their own n8n. */
export function seedDemoData(sb: HellotextSandbox, profiles = 30): void {
	const tryCall = (method: string, path: string, body: Obj) => {
		try {
			return sb.call(method, path, body as never) as Obj;
		} catch {
			return undefined; // a resource whose routes this sandbox does not have yet
		}
	};
	tryCall('POST', '/v1/properties', { kind: 'text', name: 'Favorite color' });
	tryCall('POST', '/v1/properties', { kind: 'checkbox', name: 'Newsletter' });
	for (const name of ['Newsletter', 'VIP customers', 'Abandoned carts']) tryCall('POST', '/v1/lists', { name });
	for (let i = 0; i < profiles; i++) {
		const first = FIRST[i % FIRST.length];
		const last = LAST[(i * 3) % LAST.length];
		tryCall('POST', '/v1/profiles', {
			first_name: first,
			last_name: last,
			email: `${first}.${last}.${i}@example.com`.toLowerCase(),
			phone: `+5989900${String(1000 + i).padStart(4, '0')}`,
			lists: i % 3 === 0 ? ['VIP customers'] : ['Newsletter'],
			subscribe: i % 2 === 0,
		});
	}
	tryCall('POST', '/v1/coupons', { code: 'WELCOME10', description: '10% off your first order', destination_url: 'https://shop.example.com/welcome' });
	tryCall('POST', '/v1/attribution/actions', { name: 'subscriber.signed_up', title: 'Subscriber signed up' });
	tryCall('POST', '/v1/attribution/apps', { name: 'Demo Shop' });
	tryCall('POST', '/v1/attribution/forms', { name: 'Newsletter signup' });
	tryCall('POST', '/v1/attribution/products', {
		name: 'Trail Running Shoes',
		reference: 'SHOE-1',
		sku: 'SKU-SHOE-1',
		price: { amount: 120, currency: 'USD' },
	});
	// Templates (the guides): a WhatsApp one, approved, with a named short link each send fills
	// in ({"id": …, "shortlinks": {"tracking": "https://…"}}), and an SMS one (approved at once).
	const orderReady = tryCall('POST', '/v1/templates', {
		name: 'Order ready',
		technology: 'whatsapp',
		category: 'utility',
		body: 'Hello {first_name}, your order is ready for pickup. Track it here: {shortlink:tracking}',
		footer: 'Reply STOP to opt out',
		buttons: [{ type: 'quick_reply', text: 'Thanks!' }],
	});
	const stored = orderReady && sb.find('templates', String(orderReady.id));
	if (stored) {
		stored.state = 'approved';
		// A stable id: examples/send-whatsapp-template-with-short-link.json picks it.
		stored.id = DEMO_TEMPLATE_ID;
	}
	tryCall('POST', '/v1/templates', {
		name: 'Booking reminder',
		technology: 'sms',
		body: 'Hi {first_name}, see you tomorrow at 8 pm. Details: {shortlink:https://shop.example.com/bookings}',
	});
	// A custom object structure, for events with object_type "repair" and object_parameters.
	tryCall('POST', '/v1/objects', {
		title: 'Repairs',
		name: 'repair',
		properties: [
			{ kind: 'text', name: 'ticket', required: true, unique: true },
			{ kind: 'text', name: 'device', required: false, unique: false },
		],
	});
}

/** The id of the demo data's WhatsApp template "Order ready". */
export const DEMO_TEMPLATE_ID = 'OrdReady';

/** `count` bare profiles (first_name P<n>, last_name as given, email p<n>@example.com), for benchmarks. */
export function seedProfiles(sb: HellotextSandbox, count: number, lastName = 'Bench'): void {
	for (let i = 0; i < count; i++) {
		sb.call('POST', '/v1/profiles', { first_name: `P${i}`, last_name: lastName, email: `p${i}@example.com` });
	}
}
