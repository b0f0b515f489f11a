import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Template', () => {
	const env = useSandbox();
	const call = (method: string, path: string, body?: Obj) => env.sandbox.call(method, path, body) as Obj;
	const run = resourceRunner(env, 'template');
	const stored = (id: string) => call('GET', `/v1/templates/${id}`);
	const whatsapp = (extra: Obj = {}) =>
		call('POST', '/v1/templates', {
			name: 'Booking confirmed',
			technology: 'whatsapp',
			category: 'utility',
			body: 'Hello {first_name}, your booking is confirmed: {shortlink:booking}.',
			footer: 'Reply STOP to opt out',
			buttons: [{ type: 'quick_reply', text: 'Change booking' }],
			...extra,
		});

	it('Create a WhatsApp template with header, footer and every kind of button; it waits for Meta (pending)', async () => {
		const { items, error } = await run('create', {
			templateName: 'Order ready',
			templateChannel: 'whatsapp',
			templateCategory: 'utility',
			templateBody: 'Hello {first_name}, your order is ready: {shortlink:tracking}.',
			templateAdditionalFields: {
				headerText: 'Your order',
				footer: 'Reply STOP to opt out',
				buttons: {
					button: [
						{ type: 'quick_reply', text: 'Thanks' },
						{ type: 'url', text: 'Track it', url: 'https://shop.example.com/track' },
						{ type: 'phone', text: 'Call us', phone: '+1 202 555 0100' },
						{ type: 'copy', text: 'Copy code', copy: 'SAVE10' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/templates', status: 201 });
		expect(env.sandbox.requests[0].body).toEqual({
			name: 'Order ready',
			technology: 'whatsapp',
			category: 'utility',
			body: 'Hello {first_name}, your order is ready: {shortlink:tracking}.',
			header: { type: 'text', text: 'Your order' },
			footer: 'Reply STOP to opt out',
			buttons: [
				{ type: 'quick_reply', text: 'Thanks' },
				{ type: 'url', text: 'Track it', url: 'https://shop.example.com/track' },
				{ type: 'phone', text: 'Call us', phone: '+12025550100' },
				{ type: 'copy', text: 'Copy code', copy: 'SAVE10' },
			],
		});
		expect(items[0].json).toMatchObject({ type: 'template', name: 'Order ready', state: 'pending' });
	});

	it('Create an SMS template: a body only, no category; approved at once', async () => {
		const { items } = await run('create', { templateName: 'Booking SMS', templateChannel: 'sms', templateCategory: 'marketing', templateBody: 'Hi {first_name}, see {shortlink:booking}' });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Booking SMS', technology: 'sms', body: 'Hi {first_name}, see {shortlink:booking}' });
		expect(items[0].json).toMatchObject({ technology: 'sms', state: 'approved' });
	});

	describe('the documented limits are checked before anything is sent', () => {
		const create = (templateAdditionalFields: Obj, overrides: Obj = {}) =>
			run('create', { templateName: 'T', templateChannel: 'whatsapp', templateCategory: 'utility', templateBody: 'Hello there', templateAdditionalFields, ...overrides });
		const button = (type: string, extra: Obj = {}) => ({ type, text: 'Go', ...extra });
		const cases: Array<[string, Obj, Obj, string]> = [
			['a body over 1,024 characters', {}, { templateBody: 'x'.repeat(1025) }, '"Body" is 1025 characters long: at most 1024 are allowed'],
			['a body that begins with a property tag', {}, { templateBody: '{first_name}, hello' }, '"Body" begins or ends with a property tag: WhatsApp refuses such templates'],
			['a header over 60 characters', { headerText: 'h'.repeat(61) }, {}, '"Header Text" is 61 characters long: at most 60 are allowed'],
			['a footer over 160 characters', { footer: 'f'.repeat(161) }, {}, '"Footer" is 161 characters long: at most 160 are allowed'],
			['11 buttons', { buttons: { button: Array.from({ length: 11 }, () => button('quick_reply')) } }, {}, '"Buttons" has 11 buttons: at most 10 are allowed'],
			['a button text over 25 characters', { buttons: { button: [{ type: 'quick_reply', text: 't'.repeat(26) }] } }, {}, '"Buttons 1 Text" is 26 characters long: at most 25 are allowed'],
			['a button without text', { buttons: { button: [{ type: 'quick_reply', text: ' ' }] } }, {}, '"Buttons 1" has no text'],
			['three URL buttons', { buttons: { button: [1, 2, 3].map((n) => button('url', { url: `https://e.com/${n}` })) } }, {}, '"Buttons" has 3 URL buttons: at most 2 are allowed'],
			['two phone buttons', { buttons: { button: [button('phone', { phone: '+12025550100' }), button('phone', { phone: '+12025550101' })] } }, {}, '"Buttons" has 2 phone buttons: at most 1 is allowed'],
			['two copy-code buttons', { buttons: { button: [button('copy', { copy: 'A' }), button('copy', { copy: 'B' })] } }, {}, '"Buttons" has 2 copy-code buttons: at most 1 is allowed'],
			['a URL button without its URL', { buttons: { button: [button('url', { url: '' })] } }, {}, '"Buttons 1 URL" is not a valid http(s) URL: '],
			['a copy-code button without its code', { buttons: { button: [button('copy', { copy: '' })] } }, {}, '"Buttons 1" has no code to copy'],
			['an SMS template with a footer and buttons', { footer: 'Bye', buttons: { button: [button('quick_reply')] } }, { templateChannel: 'sms' }, 'An SMS template takes a body only: remove a footer, buttons'],
			['a text header and an attachment header', { headerText: 'A', headerAttachmentUrl: 'https://files.example.com/a.pdf' }, {}, '"Header Text" and "Header Attachment URL" cannot be sent together'],
		];
		it.each(cases)('%s', async (_name, additional, overrides, message) => {
			const { error } = await create(additional, overrides);
			expect(error?.message).toBe(message);
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it('the limits themselves pass: a body of 1,024, a header of 60, a footer of 160, 10 buttons of 25', async () => {
			const { error } = await create(
				{
					headerText: 'h'.repeat(60),
					footer: 'f'.repeat(160),
					buttons: {
						button: [
							...Array.from({ length: 6 }, () => button('quick_reply', { text: 't'.repeat(25) })),
							button('url', { url: 'https://e.com/1' }),
							button('url', { url: 'https://e.com/2' }),
							button('phone', { phone: '+12025550100' }),
							button('copy', { copy: 'C' }),
						],
					},
				},
				{ templateBody: `Hello ${'x'.repeat(1018)}` },
			);
			expect(error).toBeUndefined();
			expect(env.sandbox.requests[0].status).toBe(201);
		});
	});

	it('Update keeps what you don’t change: it reads the template, then sends its whole content with the change', async () => {
		const template = whatsapp({ header: { type: 'text', text: 'Booking' } });
		const { items, error } = await run('update', { templateId: locator(template.id), templateUpdateFields: { footer: 'Questions? Reply here' } });
		expect(error).toBeUndefined();
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/templates/${template.id}`, `PATCH /v1/templates/${template.id}`]);
		expect(env.sandbox.requests[1].body).toEqual({
			technology: 'whatsapp',
			category: 'utility',
			body: 'Hello {first_name}, your booking is confirmed: {shortlink:booking}.',
			header: { type: 'text', text: 'Booking' },
			footer: 'Questions? Reply here',
			buttons: [{ type: 'quick_reply', text: 'Change booking' }],
		});
		// The sandbox's PATCH is destructive, as the guides warn; nothing was lost.
		expect(stored(template.id)).toMatchObject({
			technology: 'whatsapp',
			category: 'utility',
			header: { type: 'text', text: 'Booking' },
			footer: 'Questions? Reply here',
			buttons: [{ type: 'quick_reply', text: 'Change booking' }],
		});
		expect(items[0].json).toMatchObject({ id: template.id, footer: 'Questions? Reply here' });
	});

	it('Update: an emptied footer removes it, Remove All Buttons removes the buttons, new buttons replace them; the merged content is checked', async () => {
		const template = whatsapp();
		await run('update', { templateId: locator(template.id), templateUpdateFields: { footer: '', removeAllButtons: true } });
		expect(stored(template.id)).toMatchObject({ footer: null, buttons: [], category: 'utility', body: template.body });
		await run('update', { templateId: locator(template.id), templateUpdateFields: { buttons: { button: [{ type: 'url', text: 'Open', url: 'https://e.com' }] } } });
		expect(stored(template.id).buttons).toEqual([{ type: 'url', text: 'Open', url: 'https://e.com' }]);
		env.sandbox.requests = [];
		// Turning it into an SMS template while it has buttons is refused before the PATCH.
		const { error } = await run('update', { templateId: locator(template.id), templateUpdateFields: { channel: 'sms' } });
		expect(error?.message).toBe('An SMS template takes a body only: remove buttons');
		expect(env.sandbox.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('Delete answers 202 without a body: the output says it is deleted', async () => {
		const template = whatsapp();
		const { items, error } = await run('delete', { templateId: locator(template.id) });
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: `/v1/templates/${template.id}`, status: 202 });
		expect(items.map((i) => i.json)).toEqual([{ id: template.id, deleted: true }]);
		expect(() => stored(template.id)).toThrow(/404/);
	});

	crudCases(env, {
		resource: 'template',
		idParam: 'templateId',
		path: '/templates',
		listKey: 'templates',
		type: 'template',
		seed: (n) => ({ name: `Template ${n}`, technology: 'sms', body: `Hello ${n}` }),
		deleteAnswer: (object) => ({ id: object.id, deleted: true }),
	});
});
