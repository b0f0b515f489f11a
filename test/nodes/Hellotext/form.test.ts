import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('Form', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'form');
	const createForm = (body: Obj) => env.sandbox.call('POST', '/v1/attribution/forms', body) as Obj;

	it('Create sends the name and metadata given as name/value pairs', async () => {
		const { items, error } = await run('create', {
			formName: 'Sign-Up Form',
			formAdditionalFields: {
				metadata: { values: [{ key: 'page', value: '/signup' }, { key: 'variant', value: 'B' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/forms', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Sign-Up Form', metadata: { page: '/signup', variant: 'B' } });
		expect(items[0].json).toMatchObject({ type: 'form', name: 'Sign-Up Form', metadata: { page: '/signup', variant: 'B' } });
	});

	it('Create with only a name sends no metadata', async () => {
		const { items } = await run('create', { formName: 'Plain' });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Plain' });
		expect(items[0].json).toMatchObject({ name: 'Plain', metadata: {} });
	});

	it('Create sends Metadata (JSON) as a nested object', async () => {
		await run('create', {
			formName: 'Nested',
			formAdditionalFields: { metadataJson: '{"campaign": {"id": 7, "tags": ["a"]}}' },
		});
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Nested', metadata: { campaign: { id: 7, tags: ['a'] } } });
	});

	it('Create refuses malformed Metadata (JSON), pairs together with JSON, and a pair without a name', async () => {
		const cases: Array<[Obj, string]> = [
			[{ metadataJson: '{"a": ' }, '"Metadata (JSON)" is not valid JSON'],
			[{ metadataJson: '[1]' }, '"Metadata (JSON)" must be a JSON object'],
			[
				{ metadataJson: '{"b": 2}', metadata: { values: [{ key: 'a', value: '1' }] } },
				'"Metadata" and "Metadata (JSON)" cannot be sent together',
			],
			[{ metadata: { values: [{ key: ' ', value: '1' }] } }, '"Metadata" has an entry without a name'],
		];
		for (const [additionalFields, message] of cases) {
			const { error } = await run('create', { formName: 'F', formAdditionalFields: additionalFields });
			expect(error?.message).toBe(message);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Update sends the new name and metadata, and returns the form', async () => {
		const form = createForm({ name: 'Sign-Up Form', metadata: { a: '1' } });
		const { items } = await run('update', {
			formId: locator(form.id),
			formUpdateFields: { name: 'Completion Form', metadata: { values: [{ key: 'b', value: '2' }] } },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/forms/${form.id}` });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Completion Form', metadata: { b: '2' } });
		expect(items[0].json).toEqual({ ...form, name: 'Completion Form', metadata: { b: '2' } });
	});

	it('Update with only the name leaves the metadata out', async () => {
		const form = createForm({ name: 'A', metadata: { keep: 'me' } });
		const { items } = await run('update', {
			formId: locator(form.id),
			formUpdateFields: { name: 'B' },
		});
		expect(env.sandbox.requests[0].body).toEqual({ name: 'B' });
		expect(items[0].json.metadata).toEqual({ keep: 'me' });
	});

	crudCases(env, {
		resource: 'form',
		idParam: 'formId',
		path: '/attribution/forms',
		listKey: 'forms',
		type: 'form',
		seed: (n) => ({ name: `Form ${n}` }),
	});
});
