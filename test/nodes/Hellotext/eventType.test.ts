import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Event Type', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'eventType');

	it('Create sends the name and the optional fields set, and returns the event type', async () => {
		const { items, error } = await run('create', {
			eventTypeName: 'signup_form.completed',
			eventTypeAdditionalFields: { title: 'Signup-form completed', goal: true, passive: false },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/actions', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({
			name: 'signup_form.completed',
			title: 'Signup-form completed',
			goal: true,
			passive: false,
		});
		expect(items[0].json).toMatchObject({
			type: 'action',
			name: 'signup_form.completed',
			title: 'Signup-form completed',
			goal: true,
			passive: false,
		});
	});

	it('Create with only a name sends only the name; the API defaults apply', async () => {
		const { items } = await run('create', { eventTypeName: 'subscriber.voted' });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'subscriber.voted' });
		expect(items[0].json).toMatchObject({ goal: false, passive: true, title: 'subscriber.voted' });
	});

	it('Update sends the required name and the fields set, and returns the event type', async () => {
		const action = env.sandbox.call('POST', '/v1/attribution/actions', { name: 'a.b', title: 'A B' }) as Obj;
		const { items } = await run('update', {
			eventTypeId: locator(action.id),
			eventTypeName: 'contact.subscribed',
			eventTypeUpdateFields: { title: 'Contact Subscribed', passive: false },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/actions/${action.id}` });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'contact.subscribed', title: 'Contact Subscribed', passive: false });
		expect(items[0].json).toEqual({ ...action, name: 'contact.subscribed', title: 'Contact Subscribed', passive: false });
	});

	it('Update without a name is refused before sending', async () => {
		const action = env.sandbox.call('POST', '/v1/attribution/actions', { name: 'a.b' }) as Obj;
		const { error } = await run('update', { eventTypeId: locator(action.id) });
		expect(error?.message).toContain('Parameter "Name" is required');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	crudCases(env, {
		resource: 'eventType',
		idParam: 'eventTypeId',
		path: '/attribution/actions',
		listKey: 'actions',
		type: 'action',
		noun: 'event type',
		seed: (n) => ({ name: `custom.action_${n}` }),
	});
});
