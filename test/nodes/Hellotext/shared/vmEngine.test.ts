import { Expression } from 'n8n-workflow';
import { beforeAll, describe, expect, it } from 'vitest';

import { locator, useSandbox } from '../../../support/sandbox';

/**
 * n8n 2.x evaluates expressions in an isolate (its default `vm` engine); the other test files use
 * n8n-workflow's built-in evaluator. This file (its own process) runs core paths under the isolate:
 * the credential's bearer expression, user expressions per item, pagination, errors.
 */
describe('under n8n 2.x’s default expression engine (vm isolate)', () => {
	const env = useSandbox();
	beforeAll(async () => {
		await Expression.initExpressionEngine({
			engine: 'vm',
			poolSize: 1,
			maxCodeCacheSize: 1024,
			bridgeTimeout: 5000,
			bridgeMemoryLimit: 128,
		} as never);
		expect(Expression.getActiveImplementation()).toBe('vm');
	});

	it('creates a profile per item, with expressions resolved in the isolate and the bearer header set', async () => {
		const { items, error } = await env.engine.run(
			{ resource: 'profile', operation: 'create', firstName: '={{ $json.name.toUpperCase() }}' },
			[{ name: 'ada' }, { name: 'grace' }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(env.sandbox.requests.map((r) => r.body)).toEqual([{ first_name: 'ADA' }, { first_name: 'GRACE' }]);
		expect(env.sandbox.requests.every((r) => r.headers.authorization === `Bearer ${env.sandbox.token}`)).toBe(true);
	});

	it('pages a Get Many with the filters kept', async () => {
		for (let i = 0; i < 120; i++) env.sandbox.call('POST', '/v1/profiles', { first_name: 'Bulk' });
		const { items } = await env.engine.run({ resource: 'profile', operation: 'getAll', returnAll: true, profileFilters: { firstName: 'Bulk' } });
		expect(items).toHaveLength(120);
		expect(env.sandbox.requests.map((r) => r.query.first_name)).toEqual(['Bulk', 'Bulk']);
	});

	it('turns an API error into the readable error, and Continue On Fail into an item', async () => {
		const failed = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator('NoSuch01') });
		expect(failed.error?.message).toBe('Hellotext has no profile "NoSuch01" (404)');
		const continued = await env.engine.run(
			{ resource: 'profile', operation: 'get', profileId: locator('={{ $json.id }}') },
			[{ id: 'NoSuch02' }],
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(continued.items[0].json).toMatchObject({ error: 'Hellotext has no profile "NoSuch02" (404)', itemIndex: 0 });
	});

	it('tracks an event with the Track body built from the item', async () => {
		env.sandbox.call('POST', '/v1/attribution/products', { name: 'Shoe', sku: 'SKU-1' });
		env.sandbox.requests = [];
		const { items, error } = await env.engine.run({
			resource: 'event',
			operation: 'track',
			eventType: 'cart.added',
			session: '={{ "sess-" + 1 }}',
			products: { identifiers: [{ id: 'SKU-1' }] },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ status: 'received' });
		expect(env.sandbox.requests[0].body).toEqual({ action: 'cart.added', session: 'sess-1', products: ['SKU-1'] });
	});
});
