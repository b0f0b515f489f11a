// /v1/templates over HTTP: create (201), list, retrieve, the destructive update, delete (202, no body).
import { describe, expect, it } from 'vitest';

import { expectError, invalidOn, useHttpSandbox, type Obj } from './testing.ts';

describe('sandbox templates', () => {
	const t = useHttpSandbox();
	const create = (body: Obj) => t.api('POST', '/v1/templates', body);
	const stored = () => t.sb.collection('templates') as Obj[];
	const wa = (fields: Obj = {}) => ({ name: 'Booking confirmed WA', technology: 'whatsapp', body: 'Hello {first_name}, your booking is confirmed.', ...fields });
	const created = async (body: Obj) => {
		const answer = await create(body);
		expect(answer.status, JSON.stringify(answer.body)).toBe(201);
		return answer.body;
	};

	it('creates a WhatsApp template: 201 with the whole template, pending Meta’s review', async () => {
		t.sb.now = () => 1_700_000_100;
		const answer = await create({
			name: 'Booking confirmed WA',
			technology: 'whatsapp',
			category: 'utility',
			header: { type: 'text', text: 'Booking' },
			body: 'Hello {first_name}, your booking is confirmed. Details: {shortlink:booking}.',
			footer: 'Reply STOP to opt out',
			buttons: [{ type: 'quick_reply', text: 'Change booking', extra: 'dropped' }],
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			id: expect.stringMatching(/^[A-Za-z0-9]{8}$/),
			type: 'template',
			name: 'Booking confirmed WA',
			technology: 'whatsapp',
			category: 'utility',
			state: 'pending',
			header: { type: 'text', text: 'Booking' },
			body: 'Hello {first_name}, your booking is confirmed. Details: {shortlink:booking}.',
			footer: 'Reply STOP to opt out',
			buttons: [{ type: 'quick_reply', text: 'Change booking' }],
			created_at: 1_700_000_100,
		});
		expect(stored()).toEqual([answer.body]);
		expect(await t.api('GET', `/v1/templates/${answer.body.id}`)).toMatchObject({ status: 200, body: answer.body });
	});

	it('an SMS template is approved at once, a body only; technology defaults to any (pending); category is null when not sent', async () => {
		const sms = await created({ name: 'Booking SMS', technology: 'sms', body: 'Hi {name}, see {shortlink:booking}' });
		expect(sms).toMatchObject({ technology: 'sms', state: 'approved', category: null, header: null, footer: null, buttons: [] });
		const any = await created({ name: 'Anything', body: 'Hi there, welcome.' });
		expect(any).toMatchObject({ technology: 'any', state: 'pending', category: null, header: null, footer: null, buttons: [] });
		expect((await created({ name: 'Marketing one', technology: 'any', category: 'marketing', body: 'Sale!' })).category).toBe('marketing');
	});

	it('name: required, unique within the business regardless of case (422 parameter_not_unique)', async () => {
		invalidOn(await create({ technology: 'sms', body: 'x' }), 'name');
		invalidOn(await create({ name: '', technology: 'sms', body: 'x' }), 'name');
		await created({ name: 'Order Ready', technology: 'sms', body: 'x' });
		expectError(await create({ name: 'order ready', technology: 'whatsapp', body: 'y' }), 422, 'parameter_not_unique', 'name');
		expect(stored()).toHaveLength(1);
	});

	it('technology is sms, whatsapp or any; category marketing or utility; body is required', async () => {
		for (const technology of ['instagram', 'email', 'SMS', 3]) invalidOn(await create(wa({ technology })), 'technology');
		for (const category of ['promo', 'MARKETING', 7]) invalidOn(await create(wa({ category })), 'category');
		invalidOn(await create(wa({ body: undefined })), 'body');
		invalidOn(await create(wa({ body: '' })), 'body');
		invalidOn(await create({ name: 'S', technology: 'sms' }), 'body');
		expect(stored()).toEqual([]);
	});

	it('a WhatsApp or any body has at most 1024 characters; an SMS body has no such limit', async () => {
		invalidOn(await create(wa({ body: 'a'.repeat(1025) })), 'body');
		invalidOn(await create(wa({ technology: 'any', body: 'a'.repeat(1025) })), 'body');
		await created(wa({ name: 'Long WA', body: 'a'.repeat(1024) }));
		await created({ name: 'Long SMS', technology: 'sms', body: 'a'.repeat(1500) });
		expect(stored().map((s) => s.name)).toEqual(['Long WA', 'Long SMS']);
	});

	describe('WhatsApp components', () => {
		it('header: text up to 60 characters, or an attachment with an http(s) attachment_url', async () => {
			await created(wa({ name: 'H1', header: { type: 'text', text: 'h'.repeat(60) } }));
			const attachment = await created(wa({ name: 'H2', header: { type: 'attachment', attachment_url: 'https://files.example.org/menu.pdf' } }));
			expect(attachment.header).toEqual({ type: 'attachment', attachment_url: 'https://files.example.org/menu.pdf' });
			const bad: unknown[] = [
				{ type: 'text', text: 'h'.repeat(61) },
				{ type: 'text' },
				{ type: 'text', text: '' },
				{ type: 'attachment' },
				{ type: 'attachment', attachment_url: 'menu.pdf' },
				{ type: 'attachment', attachment_url: 'ftp://files.example.org/menu.pdf' },
				{ type: 'address' },
				'Booking',
				[],
			];
			for (const header of bad) invalidOn(await create(wa({ name: 'Bad', header })), 'header');
			expect(stored()).toHaveLength(2);
		});

		it('footer: a text of at most 160 characters', async () => {
			await created(wa({ name: 'F1', footer: 'f'.repeat(160) }));
			invalidOn(await create(wa({ name: 'F2', footer: 'f'.repeat(161) })), 'footer');
			invalidOn(await create(wa({ name: 'F3', footer: { text: 'x' } })), 'footer');
			expect(stored().map((s) => s.footer)).toEqual(['f'.repeat(160)]);
		});

		it('buttons: up to 10, each a type and a text of at most 25 characters, with the value its type needs', async () => {
			const ten = [
				{ type: 'url', text: 'Track', url: 'https://example.org/t' },
				{ type: 'url', text: 'Pay', url: 'http://example.org/p' },
				{ type: 'phone', text: 'Call us', phone: '+12025550100' },
				{ type: 'copy', text: 'Copy code', copy: 'SUMMER5' },
				...Array.from({ length: 6 }, (_, i) => ({ type: 'quick_reply', text: `Reply ${i}`.padEnd(25, '.') })),
			];
			const template = await created(wa({ name: 'B10', buttons: ten }));
			expect(template.buttons).toEqual(ten);
			const bad: Array<[string, unknown]> = [
				['11 buttons', [...ten, { type: 'quick_reply', text: 'One more' }]],
				['not an array', { type: 'quick_reply', text: 'x' }],
				['not a hash', ['Yes']],
				['unknown type', [{ type: 'flow', text: 'x' }]],
				['no type', [{ text: 'x' }]],
				['no text', [{ type: 'quick_reply' }]],
				['empty text', [{ type: 'quick_reply', text: '' }]],
				['text of 26', [{ type: 'quick_reply', text: 'x'.repeat(26) }]],
				['url button without url', [{ type: 'url', text: 'Go' }]],
				['url button with a relative url', [{ type: 'url', text: 'Go', url: '/go' }]],
				['phone button without phone', [{ type: 'phone', text: 'Call' }]],
				['phone button not E.164', [{ type: 'phone', text: 'Call', phone: '2025550100' }]],
				['copy button without copy', [{ type: 'copy', text: 'Copy' }]],
				['copy button with an empty copy', [{ type: 'copy', text: 'Copy', copy: '' }]],
				['3 url buttons', ['a', 'b', 'c'].map((x) => ({ type: 'url', text: x, url: `https://e.org/${x}` }))],
				['2 phone buttons', ['a', 'b'].map((x) => ({ type: 'phone', text: x, phone: '+12025550100' }))],
				['2 copy buttons', ['a', 'b'].map((x) => ({ type: 'copy', text: x, copy: x }))],
			];
			for (const [what, buttons] of bad) {
				const answer = await create(wa({ name: `Bad ${what}`, buttons }));
				expect(answer.status, what).toBe(422);
				invalidOn(answer, 'buttons');
			}
			expect(stored()).toHaveLength(1);
		});

		it('SMS templates take no header, footer or buttons (422 on each); empty ones are no components', async () => {
			const sms = { name: 'S', technology: 'sms', body: 'Hi' };
			invalidOn(await create({ ...sms, header: { type: 'text', text: 'Hi' } }), 'header');
			invalidOn(await create({ ...sms, footer: 'Bye' }), 'footer');
			invalidOn(await create({ ...sms, buttons: [{ type: 'quick_reply', text: 'Yes' }] }), 'buttons');
			expect(stored()).toEqual([]);
			expect(await created({ ...sms, header: null, footer: '', buttons: [] })).toMatchObject({ header: null, footer: null, buttons: [] });
		});
	});

	it('GET /v1/templates: {templates, has_more}, newest first, with limit and starting_after', async () => {
		const ids: string[] = [];
		for (const name of ['A', 'B', 'C']) ids.push((await created({ name, technology: 'sms', body: name })).id);
		const first = await t.api('GET', '/v1/templates?limit=2');
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ templates: [stored()[2], stored()[1]], has_more: true });
		expect((await t.api('GET', `/v1/templates?limit=2&starting_after=${ids[1]}`)).body).toEqual({ templates: [stored()[0]], has_more: false });
		expect((await t.api('GET', '/v1/templates')).body.has_more).toBe(false);
		expectError(await t.api('GET', '/v1/templates/NoSuch01'), 404, 'not_found', 'id');
	});

	describe('PATCH is destructive', () => {
		const full = {
			name: 'Order ready',
			technology: 'whatsapp',
			category: 'utility',
			header: { type: 'text', text: 'Ready' },
			body: 'Hello {first_name}, track it: {shortlink:tracking}',
			footer: 'Thanks',
			buttons: [{ type: 'quick_reply', text: 'OK' }],
		};

		it('what is not sent is cleared: components null/[], category marketing, technology any; the name stays; same body keeps the state', async () => {
			const template = await created(full);
			t.sb.find('templates', template.id)!.state = 'approved';
			const answer = await t.api('PATCH', `/v1/templates/${template.id}`, { body: full.body });
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({
				...template,
				technology: 'any',
				category: 'marketing',
				header: null,
				footer: null,
				buttons: [],
				state: 'approved',
			});
			expect(t.sb.find('templates', template.id)).toEqual(answer.body);
		});

		it('the full content sent keeps everything; a changed body goes back to pending', async () => {
			const template = await created(full);
			t.sb.find('templates', template.id)!.state = 'approved';
			const same = await t.api('PATCH', `/v1/templates/${template.id}`, full);
			expect(same.body).toEqual({ ...template, state: 'approved' });
			const changed = await t.api('PATCH', `/v1/templates/${template.id}`, { ...full, body: 'Hello {first_name}, it is ready: {shortlink:tracking}' });
			expect(changed.body).toMatchObject({ state: 'pending', body: 'Hello {first_name}, it is ready: {shortlink:tracking}', footer: 'Thanks', category: 'utility' });
			t.sb.find('templates', template.id)!.state = 'rejected';
			expect((await t.api('GET', `/v1/templates/${template.id}`)).body.state).toBe('rejected');
		});

		it('technology changes: to sms it is approved (and takes no components), back to whatsapp it is pending', async () => {
			const template = await created(full);
			invalidOn(await t.api('PATCH', `/v1/templates/${template.id}`, { ...full, technology: 'sms' }), 'header');
			const sms = await t.api('PATCH', `/v1/templates/${template.id}`, { technology: 'sms', body: full.body });
			expect(sms.body).toMatchObject({ technology: 'sms', state: 'approved', header: null, footer: null, buttons: [], category: 'marketing' });
			const back = await t.api('PATCH', `/v1/templates/${template.id}`, { technology: 'whatsapp', body: full.body, category: 'utility' });
			expect(back.body).toMatchObject({ technology: 'whatsapp', state: 'pending', category: 'utility' });
		});

		it('the same validation as create; a refused update changes nothing', async () => {
			const template = await created(full);
			const other = await created({ name: 'Other', technology: 'sms', body: 'x' });
			const path = `/v1/templates/${template.id}`;
			invalidOn(await t.api('PATCH', path, { ...full, footer: 'f'.repeat(161) }), 'footer');
			invalidOn(await t.api('PATCH', path, { ...full, body: undefined }), 'body');
			invalidOn(await t.api('PATCH', path, { ...full, category: 'promo' }), 'category');
			invalidOn(await t.api('PATCH', path, { ...full, technology: 'instagram' }), 'technology');
			invalidOn(await t.api('PATCH', path, { ...full, buttons: [{ type: 'url', text: 'Go' }] }), 'buttons');
			invalidOn(await t.api('PATCH', path, { ...full, body: 'a'.repeat(1025) }), 'body');
			invalidOn(await t.api('PATCH', path, { ...full, name: '' }), 'name');
			expectError(await t.api('PATCH', path, { ...full, name: 'OTHER' }), 422, 'parameter_not_unique', 'name');
			expect(t.sb.find('templates', template.id)).toEqual(template);
			expect((await t.api('PATCH', path, { ...full, name: 'ORDER READY' })).body.name).toBe('ORDER READY');
			expect((await t.api('PATCH', `/v1/templates/${other.id}`, { name: 'other', technology: 'sms', body: 'x' })).status).toBe(200);
			expectError(await t.api('PATCH', '/v1/templates/NoSuch01', full), 404, 'not_found', 'id');
		});
	});

	it('DELETE answers 202 with an empty body; the template is gone from the list and GET', async () => {
		const keep = await created({ name: 'Keep', technology: 'sms', body: 'x' });
		const gone = await created({ name: 'Gone', technology: 'sms', body: 'y' });
		const answer = await t.api('DELETE', `/v1/templates/${gone.id}`);
		expect(answer.status).toBe(202);
		expect(answer.text).toBe('');
		expect(answer.headers.get('content-length')).toBe('0');
		expect((await t.api('GET', '/v1/templates')).body).toEqual({ templates: [keep], has_more: false });
		expectError(await t.api('GET', `/v1/templates/${gone.id}`), 404, 'not_found', 'id');
		expectError(await t.api('DELETE', `/v1/templates/${gone.id}`), 404, 'not_found', 'id');
		expect(t.sb.requests.map((r) => [r.method, r.status])).toContainEqual(['DELETE', 202]);
	});
});
