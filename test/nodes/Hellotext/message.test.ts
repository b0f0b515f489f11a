import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { locator, useSandbox } from '../../support/sandbox';
import type { Obj } from '../../support/types';

describe('Message', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const send = (parameters: Obj, input?: Obj[], node?: Obj) =>
		env.engine.run({ resource: 'message', operation: 'send', ...parameters }, input, { node });
	const messages = () => call('GET', '/v1/messages').messages as Obj[];
	const posts = () => env.sandbox.requestsTo('/v1/messages', 'POST');
	const newProfile = (body: Obj = {}) => call('POST', '/v1/profiles', { first_name: 'Ada', ...body }).id as string;
	/** A WhatsApp template, approved, with the named short link `tracking` and a static one. */
	const orderReady = () => {
		const template = call('POST', '/v1/templates', {
			name: 'Order ready',
			technology: 'whatsapp',
			category: 'utility',
			body: 'Hello {first_name}, your order is ready: {shortlink:tracking}. Shop: {shortlink:https://shop.example.com}',
		});
		env.sandbox.find('templates', template.id)!.state = 'approved';
		return template.id as string;
	};

	describe('Send', () => {
		it('an SMS to a phone number: E.164 after removing spaces, dashes, dots and parentheses; the output says what was sent', async () => {
			const text = 'Your table for 2 is booked for 8 pm.';
			const { items, error } = await send({ channel: 'sms', sendTo: 'phone', phoneNumber: '={{ $json.phone }}', content: 'text', text }, [
				{ phone: '+1 (202) 555-01.43' },
			]);
			expect(error).toBeUndefined();
			expect(posts()).toHaveLength(1);
			expect(posts()[0].body).toEqual({ technology: 'sms', destination: '+12025550143', body: text });
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				status: 'received',
				channel: 'sms',
				profile: null,
				phone: '+12025550143',
				sender: null,
				body_fingerprint: `sha256:${createHash('sha256').update(text).digest('hex')}`,
			});
			expect(items[0].json.sent_at).toBeGreaterThan(1_700_000_000);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			// Hellotext found or created the profile with that phone, and queued the message.
			expect(messages()).toMatchObject([{ technology: 'sms', destination: '+12025550143', body: text, state: 'pending' }]);
		});

		it('a WhatsApp template with a named short link, picked from the list, to a profile, from a sender', async () => {
			const template = orderReady();
			const profile = newProfile({ phone: '+59899000001' });
			const { items, error } = await send({
				channel: 'whatsapp',
				sendTo: 'profile',
				messageProfileId: locator(profile, 'list'),
				content: 'template',
				messageTemplateId: locator(template, 'list'),
				shortLinks: { link: [{ name: 'tracking', url: '={{ "https://shop.example.com/orders/" + 55 }}' }] },
				messageAdditionalFields: { sender: '+12025550100' },
			});
			expect(error).toBeUndefined();
			// The template is read for its short links (once per run), then the send.
			expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/templates/${template}`, 'POST /v1/messages']);
			expect(posts()[0].body).toEqual({
				technology: 'whatsapp',
				origin: '+12025550100',
				profile,
				template: { id: template, shortlinks: { tracking: 'https://shop.example.com/orders/55' } },
			});
			expect(items[0].json).toMatchObject({ status: 'received', channel: 'whatsapp', profile, template_id: template, template_name: 'Order ready' });
			expect(messages()[0].body).toBe('Hello {first_name}, your order is ready: https://shop.example.com/orders/55. Shop: {shortlink:https://shop.example.com}');
		});

		it('a template without named links goes as its id; 100 items read it once', async () => {
			const template = call('POST', '/v1/templates', { name: 'Hi', technology: 'sms', body: 'Hi {first_name}, see {shortlink:https://x.example.com}' }).id;
			const profile = newProfile({ phone: '+59899000001' });
			const input = Array.from({ length: 100 }, () => ({ profile }));
			const { items, error } = await send(
				{ channel: 'sms', sendTo: 'profile', messageProfileId: locator('={{ $json.profile }}'), content: 'template', messageTemplateId: locator(template) },
				input,
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(100);
			expect(env.sandbox.requestsTo(`/v1/templates/${template}`, 'GET')).toHaveLength(1);
			expect(posts()).toHaveLength(100);
			expect(posts().every((r) => (r.body as Obj).template === template)).toBe(true);
		});

		it('with a profile, Profile Phone Number picks which of its phones is used', async () => {
			const profile = newProfile({ phone: '+59899000001' });
			call('PATCH', `/v1/profiles/${profile}`, { new_default_phone: '+59899000002' });
			const { error } = await send({
				channel: 'sms',
				sendTo: 'profile',
				messageProfileId: locator(profile),
				profilePhone: '+598 99 000 001',
				content: 'text',
				text: 'Hi',
			});
			expect(error).toBeUndefined();
			expect(posts()[0].body).toEqual({ technology: 'sms', profile, destination: '+59899000001', body: 'Hi' });
			expect(messages()[0].destination).toBe('+59899000001');
		});

		it('attachments go with WhatsApp, as public URLs', async () => {
			const profile = newProfile();
			const { error } = await send({
				channel: 'whatsapp',
				sendTo: 'profile',
				messageProfileId: locator(profile),
				content: 'text',
				text: 'Invoice attached.',
				attachments: { attachment: [{ url: 'https://files.example.org/invoice-77.pdf' }] },
			});
			expect(error).toBeUndefined();
			expect(posts()[0].body).toEqual({
				technology: 'whatsapp',
				profile,
				body: 'Invoice attached.',
				attachments: ['https://files.example.org/invoice-77.pdf'],
			});
		});

		it('the form: attachments show for WhatsApp, Instagram and Mercado Libre, not SMS; fields follow Send To and Content', () => {
			const properties = new Hellotext().description.properties.filter((p) => p.displayOptions?.show?.resource?.includes('message'));
			const shown = (name: string) => properties.find((p) => p.name === name)?.displayOptions?.show;
			expect(shown('attachments')?.channel).toEqual(['whatsapp', 'instagram', 'mercadolibre']);
			expect(shown('phoneNumber')?.sendTo).toEqual(['phone']);
			expect(shown('messageProfileId')?.sendTo).toEqual(['profile']);
			expect(shown('text')?.content).toEqual(['text']);
			expect(shown('messageTemplateId')?.content).toEqual(['template']);
			expect(shown('shortLinks')?.content).toEqual(['template']);
			const channel = properties.find((p) => p.name === 'channel')!;
			expect((channel.options as Obj[]).map((o) => o.value).sort()).toEqual(['instagram', 'mercadolibre', 'sms', 'whatsapp']);
		});

		it('the Short Links dropdown offers the picked template’s link names', async () => {
			const template = orderReady();
			const ctx = env.engine.loadOptionsContext({
				resource: 'message',
				operation: 'send',
				content: 'template',
				messageTemplateId: locator(template, 'list'),
			});
			const options = await new Hellotext().methods.loadOptions.getTemplateShortLinkNames.call(ctx);
			expect(options).toEqual([{ name: 'tracking', value: 'tracking' }]);
		});

		it('the template picker shows each template with its channel and state', async () => {
			orderReady();
			call('POST', '/v1/templates', { name: 'Welcome', technology: 'sms', body: 'Welcome!' });
			const ctx = env.engine.loadOptionsContext({ resource: 'message', operation: 'send' });
			const { results } = await new Hellotext().methods.listSearch.searchTemplates.call(ctx);
			expect(results.map((r) => r.name.replace(/ \(\w{8}\)$/, ''))).toEqual(['Welcome (SMS, approved)', 'Order ready (WhatsApp, approved)']);
		});

		describe('refused before anything is sent, naming the item and the value', () => {
			const cases: Array<[string, Obj, string | RegExp]> = [
				['a phone number that is not E.164', { channel: 'sms', sendTo: 'phone', phoneNumber: '099 123 456', content: 'text', text: 'x' }, '"Phone Number" must be a phone number in E.164 format, e.g. +12025550143'],
				['a phone number that is too short', { channel: 'sms', sendTo: 'phone', phoneNumber: '+1234567', content: 'text', text: 'x' }, '"Phone Number" must be a phone number in E.164 format, e.g. +12025550143'],
				['an Instagram message to a phone number', { channel: 'instagram', sendTo: 'phone', phoneNumber: '+12025550143', content: 'text', text: 'x' }, 'Instagram messages go to a profile, not to a phone number'],
				['an empty text', { channel: 'sms', sendTo: 'phone', phoneNumber: '+12025550143', content: 'text', text: '={{ "" }}' }, '"Text" is required'],
				['an attachment that is not an http(s) URL', { channel: 'whatsapp', sendTo: 'phone', phoneNumber: '+12025550143', content: 'text', text: 'x', attachments: { attachment: [{ url: 'file:///tmp/a.pdf' }] } }, '"Attachments 1" is not a valid http(s) URL: file:///tmp/a.pdf'],
				['a profile left empty by an expression', { channel: 'sms', sendTo: 'profile', messageProfileId: locator('={{ "" }}'), content: 'text', text: 'x' }, '"Profile" is required'],
			];
			it.each(cases)('%s', async (_name, parameters, message) => {
				const { error } = await send(parameters);
				if (message instanceof RegExp) expect(error?.message).toMatch(message);
				else expect(error?.message).toBe(message);
				expect(env.sandbox.requests).toHaveLength(0);
			});

			it('the value refused is in the description, and the item in the error', async () => {
				const { items } = await send(
					{ channel: 'sms', sendTo: 'phone', phoneNumber: '={{ $json.phone }}', content: 'text', text: 'x' },
					[{ phone: '+12025550143' }, { phone: 'call me' }],
					{ onError: 'continueRegularOutput' },
				);
				expect(items[1].json).toMatchObject({ itemIndex: 1, description: 'Got "call me".' });
				expect(posts()).toHaveLength(1);
			});

			it('a template short link without a URL: only the template is read, nothing is sent', async () => {
				const template = orderReady();
				const { error } = await send({
					channel: 'whatsapp',
					sendTo: 'phone',
					phoneNumber: '+12025550143',
					content: 'template',
					messageTemplateId: locator(template),
					shortLinks: { link: [{ name: 'tracking', url: '' }] },
				});
				expect(error?.message).toBe('The template "Order ready" needs a URL for its short link "tracking"');
				expect(env.sandbox.requests.map((r) => r.method)).toEqual(['GET']);
			});
		});

		describe('never sent twice', () => {
			const sms = { channel: 'sms', sendTo: 'phone', phoneNumber: '+12025550143', content: 'text', text: 'Once' };

			it('after a 500 it is not resent, and the error says the outcome is unknown and how to reconcile', async () => {
				env.sandbox.faults.push({ method: 'POST', path: '/v1/messages', status: 500, process: true });
				const { error } = await send(sms);
				expect(posts()).toHaveLength(1);
				expect(messages()).toHaveLength(1);
				expect(error?.message).toBe('The outcome of this POST is unknown (HTTP 500): Hellotext may have carried it out, so it was not sent again');
				expect(error?.description).toContain('Message > Get Many');
				expect(error?.description).toContain('Retry On Fail');
			});

			it('after a dropped connection it is not resent, and the message has its own words (not n8n’s "retry")', async () => {
				env.sandbox.faults.push({ method: 'POST', path: '/v1/messages', destroy: true, process: true });
				const { error } = await send(sms);
				expect(posts()).toHaveLength(1);
				expect(messages()).toHaveLength(1);
				expect(error?.message).toMatch(/^The outcome of this POST is unknown \(ECONNRESET\)/);
				expect(error?.message).not.toMatch(/retry the request/i);
			});

			it('a 429 is waited out and sent once more: one message', async () => {
				env.sandbox.faults.push({ method: 'POST', path: '/v1/messages', status: 429, headers: { 'retry-after': '0' } });
				const { error } = await send(sms);
				expect(error).toBeUndefined();
				expect(posts().map((r) => r.status)).toEqual([429, 200]);
				expect(messages()).toHaveLength(1);
			});

			it('a 422 from Hellotext names its parameter, and nothing is retried', async () => {
				const { error } = await send({ ...sms, channel: 'whatsapp', sendTo: 'profile', messageProfileId: locator('NoSuch01') });
				expect(error?.httpCode).toBe('422');
				expect(error?.message).toContain('"profile"');
				expect(posts()).toHaveLength(1);
			});

			it('403 (the plan has no API access) says so', async () => {
				env.sandbox.faults.push({ method: 'POST', path: '/v1/messages', status: 403, body: { errors: [{ type: 'not_allowed', message: 'No API access.' }] } });
				const { error } = await send(sms);
				expect(error?.message).toContain('(403)');
				expect(posts()).toHaveLength(1);
			});
		});
	});

	describe('Get and Get Many', () => {
		it('Get Many lists the messages newest first with the cursor, as the API returns them; Get reads one', async () => {
			for (const text of ['one', 'two', 'three']) await send({ channel: 'sms', sendTo: 'phone', phoneNumber: '+12025550143', content: 'text', text });
			env.sandbox.requests = [];
			const many = await env.engine.run({ resource: 'message', operation: 'getAll', returnAll: false, limit: 2 });
			expect(many.error).toBeUndefined();
			expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/messages', query: { limit: '2' } });
			expect(many.items.map((i) => i.json.body)).toEqual(['three', 'two']);
			const all = await env.engine.run({ resource: 'message', operation: 'getAll', returnAll: true });
			expect(all.items.map((i) => i.json.body)).toEqual(['three', 'two', 'one']);
			const [first] = messages();
			const one = await env.engine.run({ resource: 'message', operation: 'get', messageId: locator(first.id) });
			expect(one.items[0].json).toEqual(first);
		});

		it('Return All follows has_more: a full last page with has_more false costs no extra request', async () => {
			for (let i = 0; i < 100; i++) env.sandbox.insert('messages', 'message', { state: 'delivered', body: `m${i}` });
			const { items } = await env.engine.run({ resource: 'message', operation: 'getAll', returnAll: true });
			expect(items).toHaveLength(100);
			expect(env.sandbox.requests).toHaveLength(1);
		});
	});
});
