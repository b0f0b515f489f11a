// Get / Delete / Get Many cases shared by the resources built with the CRUD factory
// (nodes/Hellotext/shared/operations.ts `crud`). Each resource's own file tests Create and Update.
import { expect, it } from 'vitest';

import { locator, resourceRunner, type TestEnv } from '../../support/sandbox';
import type { Obj } from '../../support/types';

export interface CrudCase {
	resource: string;
	/** The id parameter, e.g. `couponId`. */
	idParam: string;
	/** API path without /v1, e.g. `/coupons`. */
	path: string;
	/** The Get Many list key and the object type. */
	listKey: string;
	type: string;
	/** What messages call the object, when not its type (e.g. `event type` for an action). */
	noun?: string;
	/** A valid Create body for the n-th seeded object. */
	seed: (n: number) => Obj;
	/** With Simplify (on by default for Get and Get Many): the fields it keeps. */
	simplified?: string[];
	/** What Delete outputs for the object, when not the reference's `{id, type, deleted: true}`. */
	deleteAnswer?: (object: Obj) => Obj;
}

export function crudCases(env: TestEnv, spec: CrudCase): void {
	const create = (n: number) => env.sandbox.call('POST', `/v1${spec.path}`, spec.seed(n)) as Obj;
	const run = resourceRunner(env, spec.resource);

	it('Get sends GET to the object path and returns the object', async () => {
		const object = create(1);
		const { items, error } = await run('get', { [spec.idParam]: locator(object.id), simplify: false });
		expect(error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v1${spec.path}/${object.id}`, query: {} });
		expect(items.map((i) => i.json)).toEqual([object]);
	});

	const noun = spec.noun ?? spec.type;
	it(`Get names the ${noun} that does not exist (404)`, async () => {
		const { error } = await run('get', { [spec.idParam]: locator('NoSuch01') });
		expect(error?.message).toBe(`Hellotext has no ${noun} "NoSuch01" (404)`);
	});

	it('Delete sends DELETE and returns the deletion answer', async () => {
		const object = create(1);
		const { items } = await run('delete', { [spec.idParam]: locator(object.id, 'list') });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'DELETE', path: `/v1${spec.path}/${object.id}` });
		expect(env.sandbox.requests[0].body).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([spec.deleteAnswer?.(object) ?? { id: object.id, type: spec.type, deleted: true }]);
		expect(env.sandbox.find(spec.listKey, object.id)).toBeUndefined();
	});

	it('Get Many returns one item per object, newest first, with Limit or Return All', async () => {
		const ids = [1, 2, 3].map((n) => create(n).id as string);
		const limited = await run('getAll', { returnAll: false, limit: 2, simplify: false });
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v1${spec.path}`, query: { limit: '2' } });
		expect(limited.items.map((i) => i.json.id)).toEqual([ids[2], ids[1]]);
		const all = await run('getAll', { returnAll: true, simplify: false });
		expect(env.sandbox.requests[1].query).toEqual({ limit: '100' });
		expect(all.items.map((i) => i.json.id)).toEqual([...ids].reverse());
		expect(all.items[0].json.type).toBe(spec.type);
	});

	const { simplified } = spec;
	if (simplified) {
		it('Get and Get Many with Simplify (the default) keep the fields people map most', async () => {
			const object = create(1);
			const keep = (full: Obj) => Object.fromEntries(simplified.filter((key) => key in full).map((key) => [key, full[key]]));
			const got = await run('get', { [spec.idParam]: locator(object.id) });
			expect(got.items.map((i) => i.json)).toEqual([keep(object)]);
			const many = await run('getAll', { returnAll: true });
			expect(many.items.map((i) => i.json)).toEqual([keep(object)]);
			expect(Object.keys(keep(object)).length).toBeLessThan(Object.keys(object).length);
		});
	}
}
