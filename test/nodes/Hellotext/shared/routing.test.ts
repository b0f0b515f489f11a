import { RoutingNode } from 'n8n-core';
import type { INodeProperties } from 'n8n-workflow';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { sendAs } from '../../../../nodes/Hellotext/shared/fields';
import { defineOperation, mergeSameFields } from '../../../../nodes/Hellotext/shared/operations';
import { locator, useSandbox } from '../../../support/sandbox';
import type { Obj } from '../../../support/types';

/** What the package relies on in n8n's engine, and what it refuses to build. */
describe('how operations run', () => {
	const env = useSandbox();
	afterEach(() => vi.restoreAllMocks());

	it('writes run their own item loop: RoutingNode never runs for them', async () => {
		const routed = vi.spyOn(RoutingNode.prototype, 'runNode');
		const { error, items } = await env.engine.run({ resource: 'profile', operation: 'create', firstName: '={{ $json.n }}' }, [{ n: 'A' }, { n: 'B' }]);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(routed).not.toHaveBeenCalled();
	});

	it('reads run on RoutingNode, which hands the prepared request on from the preSend to the pagination function', async () => {
		const id = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id as string;
		const routed = vi.spyOn(RoutingNode.prototype, 'runNode');
		const { error, items } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id) });
		// Were the options not handed on, the run would fail with "RoutingNode did not hand the prepared request...".
		expect(error).toBeUndefined();
		expect(routed).toHaveBeenCalledTimes(1);
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/profiles/${id}`]);
		expect(items[0].json.id).toBe(id);
	});

	it('a field with any routing but sendAs is refused when the node loads', () => {
		const field = (routing: INodeProperties['routing']): INodeProperties => ({ displayName: 'X', name: 'x', type: 'string', default: '', routing });
		const operation = (fields: INodeProperties[]) => () =>
			defineOperation({ value: 'create', name: 'Create', action: 'Create a thing', description: 'Create a thing for the test', method: 'POST', path: '/things', fields });
		expect(operation([field(sendAs('x'))])).not.toThrow();
		expect(operation([field({ send: { type: 'body', property: 'x' } })])).toThrow(/the only routing a field may have is sendAs/);
		expect(operation([field({ send: { type: 'body', property: 'x', propertyInDotNotation: false, value: '={{ $value }}' } })])).toThrow(/sendAs/);
		expect(operation([field({ ...sendAs('x'), output: { postReceive: [] } })])).toThrow(/sendAs/);
	});

	it('two different fields under one name are refused when the node loads; the same field is merged', () => {
		const text = (description: string): INodeProperties => ({ displayName: 'Name', name: 'name', type: 'string', default: '', description });
		const shownFor = (operation: string, property: INodeProperties) => ({ ...property, displayOptions: { show: { operation: [operation] } } });
		const merged = mergeSameFields([[shownFor('a', text('The name'))], [shownFor('b', text('The name'))]], 'operation');
		expect(merged).toHaveLength(1);
		expect(merged[0].displayOptions?.show?.operation).toEqual(['a', 'b']);
		expect(() => mergeSameFields([[shownFor('a', text('The name'))], [shownFor('b', text('The name.'))]], 'operation')).toThrow(
			'Two different fields are named "name": give one of them another name',
		);
	});
});
