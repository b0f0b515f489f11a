import { RoutingNode } from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Hellotext } from '../../../../nodes/Hellotext/Hellotext.node.ts';
import { locator, useSandbox } from '../../../harness/setup';

type Obj = Record<string, any>;

/**
 * How often an expression a user writes is evaluated per item. n8n's RoutingNode resolves every
 * top-level parameter for every item before the node runs: once to build the request and, in
 * n8n 2.x, once more for its allowed-domains check (`resolveBaseUrl`). Nothing a declarative node
 * does avoids those passes; what the node controls is everything beyond them. So each expression
 * must be evaluated exactly once more than RoutingNode's passes: one read by the node, none from
 * a name shared by several properties or from a field's routing. n8n 1.x makes one pass: 2 in all.
 */
const ROUTING_NODE_PASSES = 'resolveBaseUrl' in RoutingNode.prototype ? 2 : 1;

/**
 * Where a workflow's expressions are resolved, one call per expression: n8n 2.x's
 * WorkflowExpression, n8n 1.x's Expression (also run here: npm run test:n8n-1.123).
 */
const { WorkflowExpression } = n8nWorkflow as unknown as { WorkflowExpression?: typeof n8nWorkflow.Expression };
const Resolver = (WorkflowExpression ?? n8nWorkflow.Expression) as unknown as {
	prototype: { resolveSimpleParameterValue: (value: unknown, ...rest: unknown[]) => unknown };
};

describe('each expression is evaluated once by the node per item, beyond RoutingNode’s own passes', () => {
	const env = useSandbox();
	/** Evaluations by expression text, counted where n8n resolves every expression. */
	const evaluations = new Map<string, number>();
	const resolve = Resolver.prototype.resolveSimpleParameterValue;
	beforeAll(() => {
		Resolver.prototype.resolveSimpleParameterValue = function (value, ...rest) {
			if (typeof value === 'string' && value.startsWith('=')) evaluations.set(value, (evaluations.get(value) ?? 0) + 1);
			return resolve.call(this, value, ...rest);
		};
	});
	afterAll(() => {
		Resolver.prototype.resolveSimpleParameterValue = resolve;
	});

	/** Runs the node over `items` and returns each expression's evaluations per item. */
	async function perItem(parameters: Obj, items: Obj[]) {
		evaluations.clear();
		const { error, items: output } = await env.engine.run(parameters, items);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(items.length);
		return Object.fromEntries([...evaluations].map(([expression, count]) => [expression, count / items.length]));
	}

	const expected = (...expressions: string[]) =>
		Object.fromEntries(expressions.map((expression) => [expression, ROUTING_NODE_PASSES + 1]));

	it('Profile > Create: top-level fields and Additional Fields', async () => {
		const people = [1, 2, 3].map((n) => ({ first: `F${n}`, email: `p${n}@example.com`, list: 'VIP' }));
		const counts = await perItem(
			{
				resource: 'profile',
				operation: 'create',
				first_name: '={{ $json.first }}',
				email: '={{ $json.email }}',
				profileAdditionalFields: { lists: '={{ [$json.list] }}' },
			},
			people,
		);
		expect(counts).toEqual(expected('={{ $json.first }}', '={{ $json.email }}', '={{ [$json.list] }}'));
		expect(env.sandbox.requests.map((r) => r.body)).toEqual(
			people.map((p) => ({ first_name: p.first, email: p.email, lists: ['VIP'] })),
		);
	});

	it('Coupon > Create: required fields and a field sent as it is from Additional Fields', async () => {
		const counts = await perItem(
			{
				resource: 'coupon',
				operation: 'create',
				code: '={{ $json.code }}',
				description: '={{ $json.code + " off" }}',
				destination_url: '={{ "https://shop.test/" + $json.code }}',
				couponAdditionalFields: { reference: '={{ $json.ref }}' },
			},
			[{ code: 'A10', ref: 'r1' }, { code: 'B20', ref: 'r2' }],
		);
		expect(counts).toEqual(
			expected('={{ $json.code }}', '={{ $json.code + " off" }}', '={{ "https://shop.test/" + $json.code }}', '={{ $json.ref }}'),
		);
		expect(env.sandbox.requests[1].body).toEqual({
			code: 'B20',
			description: 'B20 off',
			destination_url: 'https://shop.test/B20',
			reference: 'r2',
		});
	});

	it('Profile > Update: the profile locator in the path and Update Fields', async () => {
		const ids = [1, 2].map((n) => (env.sandbox.call('POST', '/v1/profiles', { first_name: `P${n}` }) as Obj).id as string);
		const counts = await perItem(
			{
				resource: 'profile',
				operation: 'update',
				profileId: locator('={{ $json.id }}'),
				profileUpdateFields: { last_name: '={{ $json.last }}', subscribe: '={{ $json.subscribe }}' },
			},
			ids.map((id) => ({ id, last: `L-${id}`, subscribe: true })),
		);
		expect(counts).toEqual(expected('={{ $json.id }}', '={{ $json.last }}', '={{ $json.subscribe }}'));
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(ids.map((id) => `PATCH /v1/profiles/${id}`));
	});

	it('List > Add Profile: two locators, one by name', async () => {
		const ids = [1, 2, 3].map((n) => (env.sandbox.call('POST', '/v1/profiles', { first_name: `P${n}` }) as Obj).id as string);
		env.sandbox.call('POST', '/v1/lists', { name: 'VIP' });
		const counts = await perItem(
			{
				resource: 'list',
				operation: 'addProfile',
				listId: locator('={{ $json.list }}', 'name'),
				listProfileId: locator('={{ $json.id }}'),
			},
			ids.map((id) => ({ id, list: 'VIP' })),
		);
		expect(counts).toEqual(expected('={{ $json.list }}', '={{ $json.id }}'));
		expect(env.sandbox.requests.map((r) => r.path)).toEqual(ids.map((id) => `/v1/lists/VIP/profiles/${id}`));
	});

	it('Profile > Get Many: Limit, filters and Sort By', async () => {
		for (const name of ['Ada', 'Ada', 'Bob']) env.sandbox.call('POST', '/v1/profiles', { first_name: name });
		const counts = await perItem(
			{
				resource: 'profile',
				operation: 'getAll',
				returnAll: false,
				limit: '={{ $json.limit }}',
				profileFilters: { first_name: '={{ $json.name }}' },
				sortBy: '={{ $json.sort }}',
			},
			[{ name: 'Ada', limit: 1, sort: 'created_at' }],
		);
		expect(counts).toEqual(expected('={{ $json.limit }}', '={{ $json.name }}', '={{ $json.sort }}'));
		expect(env.sandbox.requests[0].query).toEqual({ first_name: 'Ada', order: 'created_at', limit: '1' });
	});

	it('Event > Track: the object, the profile and Additional Fields', async () => {
		const profile = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'T' }) as Obj).id as string;
		const order = (env.sandbox.call('POST', '/v1/attribution/orders', { reference: 'O1' }) as Obj).id as string;
		const counts = await perItem(
			{
				resource: 'event',
				operation: 'track',
				action: 'order.placed',
				order: locator('={{ $json.order }}'),
				profile: locator('={{ $json.profile }}'),
				eventAdditionalFields: { amount: '={{ $json.amount }}', currency: '={{ $json.currency }}' },
			},
			[1, 2].map((n) => ({ order, profile, amount: 10 * n, currency: 'USD' })),
		);
		expect(counts).toEqual(
			expected('={{ $json.order }}', '={{ $json.profile }}', '={{ $json.amount }}', '={{ $json.currency }}'),
		);
		expect(env.sandbox.requests[1].body).toEqual({ action: 'order.placed', order, profile, amount: 20, currency: 'USD' });
	});

	it('the node adds no expression of its own: none in the description, none to authenticate', async () => {
		const own = JSON.stringify(new Hellotext().description.properties);
		expect(own).not.toMatch(/"=/);
		const counts = await perItem({ resource: 'profile', operation: 'create', first_name: 'Fixed' }, [{}, {}]);
		expect(counts).toEqual({});
	});

	it('every parameter name is used by one property (only the per-resource Operation pickers share one)', () => {
		const names = new Hellotext().description.properties.map((p) => p.name).filter((name) => name !== 'operation');
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
	});
});
