import { describe, expect, it } from 'vitest';

import { useSandbox } from '../../../support/sandbox';
import type { Obj } from '../../../support/types';

describe('cursor pagination (every Get Many)', () => {
	const env = useSandbox();

	/** Seeds `count` matching profiles (first_name Bulk) and a few that the filter excludes. */
	function seed(count: number): string[] {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			ids.push((env.sandbox.call('POST', '/v1/profiles', { first_name: 'Bulk', last_name: `N${i}` }) as Obj).id);
			if (i % 50 === 0) env.sandbox.call('POST', '/v1/profiles', { first_name: 'Other' });
		}
		return ids.reverse(); // newest first, as the API lists them
	}

	const getMany = (extra: Obj) =>
		env.engine.run({
			resource: 'profile',
			operation: 'getAll',
			profileFilters: { firstName: 'Bulk' },
			sortBy: 'created_at',
			...extra,
		});

	it('Return All over 250 profiles takes 3 requests of 100, keeps the filters on every page and moves the cursor', async () => {
		const ids = seed(250);
		const { items, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		const requests = env.sandbox.requests;
		expect(requests).toHaveLength(3);
		for (const request of requests) {
			expect(request.path).toBe('/v1/profiles');
			expect(request.query).toMatchObject({ first_name: 'Bulk', order: 'created_at', limit: '100' });
		}
		expect(requests[0].query).not.toHaveProperty('starting_after');
		expect(requests[1].query.starting_after).toBe(ids[99]);
		expect(requests[2].query.starting_after).toBe(ids[199]);
		expect(items.map((item) => item.json.id)).toEqual(ids);
	});

	it('Return All ends on the empty page after an exact multiple of 100', async () => {
		const ids = seed(200);
		const { items } = await getMany({ returnAll: true });
		expect(env.sandbox.requests).toHaveLength(3);
		expect(env.sandbox.requests[2].query.starting_after).toBe(ids[199]);
		expect(items).toHaveLength(200);
	});

	it('Limit 130 is exactly 2 requests: 100, then the 30 still needed', async () => {
		const ids = seed(250);
		const { items } = await getMany({ returnAll: false, limit: 130 });
		expect(env.sandbox.requests.map((r) => r.query.limit)).toEqual(['100', '30']);
		expect(env.sandbox.requests[1].query).toMatchObject({ first_name: 'Bulk', starting_after: ids[99] });
		expect(items.map((item) => item.json.id)).toEqual(ids.slice(0, 130));
	});

	it('Limit 5 is 1 request with limit=5', async () => {
		const ids = seed(20);
		const { items } = await getMany({ returnAll: false, limit: 5 });
		expect(env.sandbox.requests).toHaveLength(1);
		expect(env.sandbox.requests[0].query).toMatchObject({ limit: '5', first_name: 'Bulk' });
		expect(items.map((item) => item.json.id)).toEqual(ids.slice(0, 5));
	});

	it('Limit above what exists stops at the short page', async () => {
		seed(30);
		const { items } = await getMany({ returnAll: false, limit: 500 });
		expect(env.sandbox.requests.map((r) => r.query.limit)).toEqual(['100']);
		expect(items).toHaveLength(30);
	});

	it('a cursor that does not move stops with an error instead of looping', async () => {
		const page = Array.from({ length: 100 }, (_, i) => ({ id: i === 99 ? 'SameLast' : `Prof${String(i).padStart(4, '0')}`, type: 'profile' }));
		env.sandbox.faults.push({ path: '/v1/profiles', status: 200, body: { profiles: page }, times: 5 });
		const { error } = await getMany({ returnAll: true });
		expect(error?.message).toBe('Hellotext pagination stopped moving: the page ended without a new cursor ID');
		expect(env.sandbox.requests).toHaveLength(2);
	});
});
