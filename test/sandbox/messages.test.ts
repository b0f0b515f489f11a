// POST /v1/messages, GET /v1/messages(/:id) over HTTP: the guides' rules, answers and stored messages.
import { describe, expect, it } from 'vitest';

import { expectError, invalidOn, useHttpSandbox, type Obj } from './testing.ts';

describe('sandbox messages', () => {
	const t = useHttpSandbox();
	const send = (body: Obj) => t.api('POST', '/v1/messages', body);
	const messages = () => t.sb.collection('messages') as Obj[];
	const profiles = () => t.sb.collection('profiles') as Obj[];
	const newProfile = (fields: Obj = {}) => (t.sb.call('POST', '/v1/profiles', { first_name: 'Ada', ...fields }) as Obj).id as string;
	const template = (fields: Obj) => t.sb.call('POST', '/v1/templates', { technology: 'whatsapp', ...fields }) as Obj;

	it('an SMS to a new phone number: 200 {"status":"received"} only, a new profile, and the message stored as pending', async () => {
		t.sb.now = () => 1_700_000_000;
		const answer = await send({ technology: 'sms', destination: '+12025550143', body: 'Your table for 2 is booked for 8 pm.' });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ status: 'received' });
		expect(profiles()).toHaveLength(1);
		expect(profiles()[0].phones).toEqual(['+12025550143']);
		expect(messages()).toEqual([
			{
				id: expect.stringMatching(/^[A-Za-z0-9]{8}$/),
				type: 'message',
				created_at: 1_700_000_000,
				state: 'pending',
				direction: 'outbound',
				technology: 'sms',
				origin: null,
				destination: '+12025550143',
				profile: profiles()[0].id,
				body: 'Your table for 2 is booked for 8 pm.',
				attachments: [],
				dispatched_at: null,
				delivered_at: null,
			},
		]);
		expect(t.sb.requests.map((r) => [r.method, r.path, r.status])).toEqual([['POST', '/v1/messages', 200]]);
	});

	it('a destination that is a profile’s phone sends to that profile; no profile is created', async () => {
		const ada = newProfile({ phone: '+59899123456' });
		expect((await send({ technology: 'whatsapp', destination: '+59899123456', body: 'Hi', origin: '+12025550100' })).status).toBe(200);
		expect(profiles()).toHaveLength(1);
		expect(messages()[0]).toMatchObject({ profile: ada, destination: '+59899123456', origin: '+12025550100', technology: 'whatsapp' });
	});

	it('a profile alone uses its first phone (none: destination null); with a destination it must be one of its phones', async () => {
		const ada = newProfile({ phone: '+59899123456' });
		const bare = newProfile();
		expect((await send({ technology: 'sms', profile: ada, body: 'One' })).status).toBe(200);
		expect((await send({ technology: 'whatsapp', profile: bare, body: 'Two' })).status).toBe(200);
		t.sb.call('PATCH', `/v1/profiles/${ada}`, { phone: { mobile: '+59899000111' } });
		expect((await send({ technology: 'sms', profile: ada, destination: '+59899000111', body: 'Three' })).status).toBe(200);
		expect(messages().map((m) => [m.profile, m.destination, m.body])).toEqual([
			[ada, '+59899123456', 'One'],
			[bare, null, 'Two'],
			[ada, '+59899000111', 'Three'],
		]);
		invalidOn(await send({ technology: 'sms', profile: ada, destination: '+12025550143', body: 'Not hers' }), 'destination');
		expect(messages()).toHaveLength(3);
		expect(profiles()).toHaveLength(2);
	});

	it('an unknown profile is 422 on profile', async () => {
		invalidOn(await send({ technology: 'sms', profile: 'NoSuch01', body: 'Hi' }), 'profile');
		invalidOn(await send({ technology: 'sms', profile: 'NoSuch01', destination: '+12025550143', body: 'Hi' }), 'profile');
		expect(messages()).toEqual([]);
		expect(profiles()).toEqual([]);
	});

	it.each([[undefined], ['any'], ['email'], ['SMS'], [''], [3]])('technology %j is 422 on technology', async (technology) => {
		invalidOn(await send({ technology, destination: '+12025550143', body: 'Hi' }), 'technology');
		expect(messages()).toEqual([]);
	});

	it('instagram and mercadolibre are sent to a profile (destination alone: 422 on destination); no phone is used', async () => {
		const ada = newProfile({ phone: '+59899123456' });
		for (const technology of ['instagram', 'mercadolibre']) {
			invalidOn(await send({ technology, destination: '+59899123456', body: 'Hi' }), 'destination');
			expect((await send({ technology, profile: ada, body: 'Hi' })).body).toEqual({ status: 'received' });
		}
		expect(messages().map((m) => [m.technology, m.profile, m.destination])).toEqual([
			['instagram', ada, null],
			['mercadolibre', ada, null],
		]);
	});

	it('neither profile nor destination is 422 on destination; so is a destination not in E.164', async () => {
		invalidOn(await send({ technology: 'sms', body: 'Hi' }), 'destination');
		invalidOn(await send({ technology: 'sms', destination: '', body: 'Hi' }), 'destination');
		for (const destination of ['12025550143', '+0202555014', '+1202555', '+1202555014312345', '+1 202 555 0143', 12025550143]) {
			invalidOn(await send({ technology: 'sms', destination, body: 'Hi' }), 'destination');
		}
		expect((await send({ technology: 'sms', destination: '+12025550', body: 'Shortest' })).status).toBe(200);
		expect((await send({ technology: 'sms', destination: '+120255501431234', body: 'Longest' })).status).toBe(200);
		expect(messages().map((m) => m.destination)).toEqual(['+12025550', '+120255501431234']);
	});

	it('neither body nor template is 422 on body', async () => {
		invalidOn(await send({ technology: 'sms', destination: '+12025550143' }), 'body');
		invalidOn(await send({ technology: 'sms', destination: '+12025550143', body: '   ' }), 'body');
		invalidOn(await send({ technology: 'sms', destination: '+12025550143', body: 5 }), 'body');
		expect(messages()).toEqual([]);
		expect(profiles()).toEqual([]);
	});

	it('origin is an optional text, stored as given', async () => {
		invalidOn(await send({ technology: 'sms', destination: '+12025550143', body: 'Hi', origin: 42 }), 'origin');
		await send({ technology: 'sms', destination: '+12025550143', body: 'Hi', origin: '+12025550100' });
		expect(messages().map((m) => m.origin)).toEqual(['+12025550100']);
	});

	describe('templates', () => {
		it('a template id sends the template’s body (a given body is ignored; a static short link needs nothing) and stores no template id', async () => {
			const sms = t.sb.call('POST', '/v1/templates', { name: 'Booking', technology: 'sms', body: 'Hi {first_name}, see {shortlink:https://example.org/b}' }) as Obj;
			const answer = await send({ technology: 'sms', destination: '+12025550143', template: sms.id, body: 'ignored' });
			expect(answer.body).toEqual({ status: 'received' });
			expect(messages()[0].body).toBe('Hi {first_name}, see {shortlink:https://example.org/b}');
			expect(messages()[0]).not.toHaveProperty('template');
			expect(JSON.stringify(messages()[0])).not.toContain(sms.id);
		});

		it('named short links: the object form with a URL for every name, filled into the body', async () => {
			const wa = template({ name: 'Ready', body: 'Hello, track {shortlink:tracking} or pay {shortlink:pay}. Map: {shortlink:https://example.org/map}' });
			const answer = await send({
				technology: 'whatsapp',
				destination: '+12025550143',
				template: { id: wa.id, shortlinks: { tracking: 'https://example.org/t/77', pay: 'http://example.org/p/77', unused: 'https://x.example' } },
			});
			expect(answer.status).toBe(200);
			expect(messages()[0].body).toBe('Hello, track https://example.org/t/77 or pay http://example.org/p/77. Map: {shortlink:https://example.org/map}');
		});

		it('422 on template: unknown id, named links sent as a bare id, a name without a non-empty http(s) URL', async () => {
			const wa = template({ name: 'Ready', body: 'Hello, track {shortlink:tracking} and {shortlink:pay}' });
			const to = { technology: 'whatsapp', destination: '+12025550143', body: 'fallback is not used' };
			const cases: unknown[] = [
				'NoSuch01',
				{ id: 'NoSuch01', shortlinks: {} },
				{ shortlinks: { tracking: 'https://e.org/t', pay: 'https://e.org/p' } },
				42,
				wa.id,
				{ id: wa.id },
				{ id: wa.id, shortlinks: { tracking: 'https://e.org/t' } },
				{ id: wa.id, shortlinks: { tracking: 'https://e.org/t', pay: '' } },
				{ id: wa.id, shortlinks: { tracking: 'https://e.org/t', pay: 'ftp://e.org/p' } },
				{ id: wa.id, shortlinks: { tracking: 'https://e.org/t', pay: '/relative' } },
				{ id: wa.id, shortlinks: ['https://e.org/t', 'https://e.org/p'] },
			];
			for (const value of cases) invalidOn(await send({ ...to, template: value }), 'template');
			expect(messages()).toEqual([]);
			expect(profiles()).toEqual([]);
			expect((await send({ ...to, template: { id: wa.id, shortlinks: { tracking: 'https://e.org/t', pay: 'https://e.org/p' } } })).status).toBe(200);
			expect(messages()[0].body).toBe('Hello, track https://e.org/t and https://e.org/p');
		});
	});

	describe('attachments', () => {
		it('are stored for WhatsApp; anything but an array of absolute http(s) URLs is 422 on attachments', async () => {
			const files = ['https://files.example.org/invoice-77.pdf', 'http://files.example.org/a.png'];
			await send({ technology: 'whatsapp', destination: '+12025550143', body: 'Invoice attached.', attachments: files });
			expect(messages()[0].attachments).toEqual(files);
			for (const attachments of ['https://files.example.org/a.pdf', ['/tmp/a.pdf'], ['file:///tmp/a.pdf'], ['ftp://e.org/a'], [42], [''], {}]) {
				invalidOn(await send({ technology: 'whatsapp', destination: '+12025550143', body: 'x', attachments }), 'attachments');
			}
			expect(messages()).toHaveLength(1);
		});

		it('are ignored for SMS (stored as [])', async () => {
			await send({ technology: 'sms', destination: '+12025550143', body: 'x', attachments: ['https://files.example.org/a.pdf'] });
			await send({ technology: 'sms', destination: '+12025550143', body: 'y', attachments: 'not even a list' });
			expect(messages().map((m) => m.attachments)).toEqual([[], []]);
		});
	});

	describe('list and retrieve', () => {
		const sendMany = async (n: number) => {
			for (let i = 1; i <= n; i++) expect((await send({ technology: 'sms', destination: '+12025550143', body: `m${i}` })).status).toBe(200);
			return messages().map((m) => m.id as string);
		};

		it('GET /v1/messages: {messages, has_more}, newest first, 25 by default', async () => {
			const ids = await sendMany(27);
			const first = await t.api('GET', '/v1/messages');
			expect(first.status).toBe(200);
			expect(Object.keys(first.body).sort()).toEqual(['has_more', 'messages']);
			expect(first.body.messages.map((m: Obj) => m.id)).toEqual([...ids].reverse().slice(0, 25));
			expect(first.body.has_more).toBe(true);
			expect(first.body.messages[0]).toEqual(messages()[26]);
			const rest = await t.api('GET', `/v1/messages?starting_after=${ids[2]}`);
			expect(rest.body).toEqual({ messages: [messages()[1], messages()[0]], has_more: false });
		});

		it('limit, starting_after and ending_before page through; has_more tells whether older ones remain', async () => {
			const ids = await sendMany(5);
			const page = async (query: string) => (await t.api('GET', `/v1/messages?${query}`)).body;
			const ofPage = (body: Obj) => [body.messages.map((m: Obj) => m.body), body.has_more];
			expect(ofPage(await page('limit=2'))).toEqual([['m5', 'm4'], true]);
			expect(ofPage(await page(`limit=2&starting_after=${ids[3]}`))).toEqual([['m3', 'm2'], true]);
			expect(ofPage(await page(`limit=2&starting_after=${ids[1]}`))).toEqual([['m1'], false]);
			expect(ofPage(await page(`limit=2&starting_after=${ids[2]}`))).toEqual([['m2', 'm1'], false]);
			expect(ofPage(await page(`limit=2&ending_before=${ids[0]}`))).toEqual([['m3', 'm2'], true]);
			expect(ofPage(await page(`limit=100`))).toEqual([['m5', 'm4', 'm3', 'm2', 'm1'], false]);
			invalidOn(await t.api('GET', '/v1/messages?limit=0'), 'limit');
			expectError(await t.api('GET', '/v1/messages?starting_after=NoSuch01'), 404, 'not_found', 'id');
			expect(await page('')).toMatchObject({ has_more: false });
		});

		it('an empty list has has_more false', async () => {
			expect((await t.api('GET', '/v1/messages')).body).toEqual({ messages: [], has_more: false });
		});

		it('GET /v1/messages/:id answers the message; an unknown id is 404', async () => {
			await sendMany(2);
			const stored = messages()[0];
			stored.state = 'delivered';
			const answer = await t.api('GET', `/v1/messages/${stored.id}`);
			expect(answer).toMatchObject({ status: 200, body: stored });
			expect(answer.body.state).toBe('delivered');
			expectError(await t.api('GET', '/v1/messages/NoSuch01'), 404, 'not_found', 'id');
		});
	});

	it('faults apply to the route: a send that reached the server but answered 500 is stored', async () => {
		t.sb.faults.push({ method: 'POST', path: '/v1/messages', status: 503, process: true });
		const answer = await send({ technology: 'sms', destination: '+12025550143', body: 'Uncertain' });
		expect(answer.status).toBe(503);
		expect(messages().map((m) => m.body)).toEqual(['Uncertain']);
		expect(t.sb.requests.map((r) => r.status)).toEqual([503]);
	});
});
