import { ExecuteContext, RoutingNode } from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Hellotext } from '../../../../nodes/Hellotext/Hellotext.node.ts';
import { locator, useSandbox } from '../../../support/sandbox';
import type { Obj } from '../../../support/types';

/**
 * How often an expression a user writes is evaluated per item.
 * - Writes run their own item loop (n8n's custom operations): each expression is evaluated once,
 *   when the node reads it.
 * - Reads run on n8n's RoutingNode, which resolves every top-level parameter for every item before
 *   the node runs: once to build the request and, in n8n 2.x, once more for its allowed-domains
 *   check (`resolveBaseUrl`). The node adds its own read and nothing else (no name shared by
 *   several properties, no field routing): 3 in n8n 2.x, 2 in n8n 1.x.
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

describe('each expression is evaluated once per item by writes, and once beyond RoutingNode’s own passes by reads', () => {
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

	/** A write: every expression evaluated once per item. */
	const once = (...expressions: string[]) => Object.fromEntries(expressions.map((expression) => [expression, 1]));
	/** A read: RoutingNode's passes and the node's one read. */
	const routed = (...expressions: string[]) =>
		Object.fromEntries(expressions.map((expression) => [expression, ROUTING_NODE_PASSES + 1]));

	it('Profile > Create: top-level fields and Additional Fields', async () => {
		const people = [1, 2, 3].map((n) => ({ first: `F${n}`, email: `p${n}@example.com`, list: 'VIP' }));
		const counts = await perItem(
			{
				resource: 'profile',
				operation: 'create',
				firstName: '={{ $json.first }}',
				email: '={{ $json.email }}',
				profileAdditionalFields: { lists: '={{ [$json.list] }}' },
			},
			people,
		);
		expect(counts).toEqual(once('={{ $json.first }}', '={{ $json.email }}', '={{ [$json.list] }}'));
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
				destinationUrl: '={{ "https://shop.test/" + $json.code }}',
				couponAdditionalFields: { reference: '={{ $json.ref }}' },
			},
			[{ code: 'A10', ref: 'r1' }, { code: 'B20', ref: 'r2' }],
		);
		expect(counts).toEqual(
			once('={{ $json.code }}', '={{ $json.code + " off" }}', '={{ "https://shop.test/" + $json.code }}', '={{ $json.ref }}'),
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
				profileUpdateFields: { lastName: '={{ $json.last }}', subscribe: '={{ $json.subscribe }}' },
			},
			ids.map((id) => ({ id, last: `L-${id}`, subscribe: true })),
		);
		expect(counts).toEqual(once('={{ $json.id }}', '={{ $json.last }}', '={{ $json.subscribe }}'));
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
		expect(counts).toEqual(once('={{ $json.list }}', '={{ $json.id }}'));
		expect(env.sandbox.requests.map((r) => r.path)).toEqual(ids.map((id) => `/v1/lists/VIP/profiles/${id}`));
		const removed = await perItem(
			{ resource: 'list', operation: 'removeProfile', listId: locator('={{ $json.list }}', 'name'), listProfileId: locator('={{ $json.id }}') },
			ids.map((id) => ({ id, list: 'VIP' })),
		);
		expect(removed).toEqual(once('={{ $json.list }}', '={{ $json.id }}'));
	});

	it('Profile > Create or Update: the contact it matches on and Additional Fields', async () => {
		env.sandbox.call('POST', '/v1/profiles', { first_name: 'Old', email: 'known@example.com' });
		const counts = await perItem(
			{
				resource: 'profile',
				operation: 'upsert',
				matchBy: 'email',
				email: '={{ $json.email }}',
				firstName: '={{ $json.first }}',
				profileAdditionalFields: { subscribe: '={{ $json.subscribe }}' },
			},
			[
				{ email: 'known@example.com', first: 'Known', subscribe: true },
				{ email: 'new@example.com', first: 'New', subscribe: false },
			],
		);
		expect(counts).toEqual(once('={{ $json.email }}', '={{ $json.first }}', '={{ $json.subscribe }}'));
		// Known: find, update, subscribe, read back; new: find, create, read back (the two items run side by side).
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path.replace(/^\/v1\/profiles\/\w+/, '/v1/profiles/:id')}`).sort()).toEqual(
			['GET /v1/profiles', 'GET /v1/profiles', 'GET /v1/profiles/:id', 'GET /v1/profiles/:id', 'PATCH /v1/profiles/:id', 'POST /v1/profiles', 'POST /v1/profiles/:id/subscribe'].sort(),
		);
	});

	it('Profile > Get Many: Limit, filters and Sort By', async () => {
		for (const name of ['Ada', 'Ada', 'Bob']) env.sandbox.call('POST', '/v1/profiles', { first_name: name });
		const counts = await perItem(
			{
				resource: 'profile',
				operation: 'getAll',
				returnAll: false,
				limit: '={{ $json.limit }}',
				profileFilters: { firstName: '={{ $json.name }}' },
				sortBy: '={{ $json.sort }}',
			},
			[{ name: 'Ada', limit: 1, sort: 'created_at' }],
		);
		expect(counts).toEqual(routed('={{ $json.limit }}', '={{ $json.name }}', '={{ $json.sort }}'));
		expect(env.sandbox.requests[0].query).toEqual({ first_name: 'Ada', order: 'created_at', limit: '1' });
	});

	it('Event > Track: the object, the profile and Additional Fields', async () => {
		const profile = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'T' }) as Obj).id as string;
		const order = (env.sandbox.call('POST', '/v1/attribution/orders', { reference: 'O1' }) as Obj).id as string;
		const counts = await perItem(
			{
				resource: 'event',
				operation: 'track',
				eventType: 'order.placed',
				order: locator('={{ $json.order }}'),
				profile: locator('={{ $json.profile }}'),
				eventAdditionalFields: { amount: '={{ $json.amount }}', currency: '={{ $json.currency }}' },
			},
			[1, 2].map((n) => ({ order, profile, amount: 10 * n, currency: 'USD' })),
		);
		expect(counts).toEqual(
			once('={{ $json.order }}', '={{ $json.profile }}', '={{ $json.amount }}', '={{ $json.currency }}'),
		);
		expect(env.sandbox.requests[1].body).toEqual({ action: 'order.placed', order, profile, amount: 20, currency: 'USD' });
	});

	it('Profile > Get: the profile locator in the path, with Simplify', async () => {
		const id = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'G' }) as Obj).id as string;
		const counts = await perItem({ resource: 'profile', operation: 'get', profileId: locator('={{ $json.id }}'), simplify: '={{ $json.simple }}' }, [
			{ id, simple: true },
		]);
		expect(counts).toEqual(routed('={{ $json.id }}', '={{ $json.simple }}'));
	});

	it('Message > Send: the phone from an expression once per item; a parameter without one is read once per run', async () => {
		// ExecuteContext's getNodeParameter is set per instance; every read goes through this one.
		const reads = vi.spyOn(ExecuteContext.prototype as unknown as { _getNodeParameter: (name: string) => unknown }, '_getNodeParameter');
		const counts = await perItem(
			{ resource: 'message', operation: 'send', channel: 'sms', sendTo: 'phone', phoneNumber: '={{ $json.phone }}', content: 'text', text: 'Hi' },
			[1, 2, 3, 4].map((n) => ({ phone: `+1202555014${n}` })),
		);
		const calls = reads.mock.calls.map(([parameter]) => parameter);
		reads.mockRestore();
		const readsOf = (name: string) => calls.filter((parameter) => parameter === name).length;
		expect(counts).toEqual(once('={{ $json.phone }}'));
		expect(readsOf('phoneNumber')).toBe(4);
		expect(readsOf('channel')).toBe(1);
		expect(readsOf('text')).toBe(1);
		expect(env.sandbox.requests.map((r) => (r.body as Obj).destination)).toEqual([1, 2, 3, 4].map((n) => `+1202555014${n}`));
	});

	it('the node adds no expression of its own: none in the description, none to authenticate', async () => {
		const own = JSON.stringify(new Hellotext().description.properties);
		expect(own).not.toMatch(/"=/);
		const counts = await perItem({ resource: 'profile', operation: 'create', firstName: 'Fixed' }, [{}, {}]);
		expect(counts).toEqual({});
	});

	it('every parameter name is used by one property (only the per-resource Operation pickers share one)', () => {
		const names = new Hellotext().description.properties.map((p) => p.name).filter((name) => name !== 'operation');
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
	});
});
