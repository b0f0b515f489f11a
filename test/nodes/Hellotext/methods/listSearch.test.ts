import { describe, expect, it } from 'vitest';

import { listSearch } from '../../../../nodes/Hellotext/methods/listSearch';
import { getListNames, getPropertyNames } from '../../../../nodes/Hellotext/methods/loadOptions';
import { useSandbox } from '../../../support/sandbox';
import type { Obj } from '../../../support/types';

describe('list searches (resource locators) and dropdowns', () => {
	const env = useSandbox();
	const context = () => env.engine.loadOptionsContext({ resource: 'profile', operation: 'get' });
	const profile = (body: Obj) => (env.sandbox.call('POST', '/v1/profiles', body) as Obj).id as string;

	it('searchProfiles reads the typed text as an email, a phone or a first name', async () => {
		const ada = profile({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+59899000001' });
		profile({ first_name: 'Grace', email: 'grace@example.com' });
		const byEmail = await listSearch.searchProfiles.call(context(), 'ada@example.com');
		const byPhone = await listSearch.searchProfiles.call(context(), '+59899000001');
		const byName = await listSearch.searchProfiles.call(context(), 'Ada');
		expect(env.sandbox.requests.map((r) => r.query)).toEqual([
			{ limit: '100', email: 'ada@example.com' },
			{ limit: '100', phone: '+59899000001' },
			{ limit: '100', first_name: 'Ada' },
		]);
		for (const result of [byEmail, byPhone, byName]) {
			expect(result.results).toEqual([{ name: `Ada Lovelace · ada@example.com (${ada})`, value: ada }]);
			expect(result.paginationToken).toBeUndefined();
		}
	});

	it('searchProfiles tells apart profiles that share name and email by their ID; a bare profile shows its ID', async () => {
		const first = profile({ first_name: 'Sam', last_name: 'Lee', email: 'sam@example.com' });
		const second = profile({ first_name: 'Sam', last_name: 'Lee', email: 'sam@example.com' });
		const bare = profile({});
		const { results } = await listSearch.searchProfiles.call(context());
		expect(results).toEqual([
			{ name: bare, value: bare },
			{ name: `Sam Lee · sam@example.com (${second})`, value: second },
			{ name: `Sam Lee · sam@example.com (${first})`, value: first },
		]);
		expect(new Set(results.map((r) => r.name)).size).toBe(3);
	});

	it('pages with the last id as the pagination token', async () => {
		const ids = Array.from({ length: 130 }, (_, i) => profile({ first_name: `P${i}` })).reverse();
		const first = await listSearch.searchProfiles.call(context());
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe(ids[99]);
		const second = await listSearch.searchProfiles.call(context(), undefined, first.paginationToken);
		expect(env.sandbox.requests[1].query).toEqual({ limit: '100', starting_after: ids[99] });
		expect(second.results.map((r) => r.value)).toEqual(ids.slice(100));
		expect(second.paginationToken).toBeUndefined();
	});

	it('without an API filter, the typed text filters each page by name', async () => {
		env.sandbox.call('POST', '/v1/attribution/products', { name: 'Trail Shoes', sku: 'TR-1' });
		env.sandbox.call('POST', '/v1/attribution/products', { name: 'Socks', sku: 'SO-1' });
		const result = await listSearch.searchProducts.call(context(), 'trail');
		expect(env.sandbox.requests[0]).toMatchObject({ path: '/v1/attribution/products', query: { limit: '100' } });
		expect(result.results.map((r) => r.name)).toEqual([expect.stringMatching(/^Trail Shoes \(\w{8}\)$/)]);
	});

	it('searchProductVariants lists the variants inside products', async () => {
		const product = env.sandbox.call('POST', '/v1/attribution/products', { name: 'Tee', variants: [{ name: 'Large', sku: 'TEE-L' }] }) as Obj;
		const result = await listSearch.searchProductVariants.call(context(), 'large');
		const variant = (env.sandbox.call('GET', `/v1/attribution/products/${product.id}`) as Obj).variants.find((v: Obj) => v.name === 'Large');
		expect(result.results).toEqual([{ name: expect.stringContaining('Tee / Large'), value: variant.id }]);
	});

	it('getListNames offers every list by name, across pages, sorted', async () => {
		for (let i = 0; i < 105; i++) env.sandbox.call('POST', '/v1/lists', { name: `List ${String(i).padStart(3, '0')}` });
		const options = await getListNames.call(context());
		expect(env.sandbox.requests.map((r) => r.query.limit)).toEqual(['100', '100']);
		expect(options).toHaveLength(105);
		expect(options[0]).toEqual({ name: 'List 000', value: 'List 000' });
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort());
	});

	it('getPropertyNames offers named properties by name and unnamed ones by kind', async () => {
		env.sandbox.call('POST', '/v1/properties', { kind: 'text', name: 'Favorite color' });
		env.sandbox.call('POST', '/v1/properties', { kind: 'date' });
		const options = await getPropertyNames.call(context());
		expect(env.sandbox.requests[0]).toMatchObject({ path: '/v1/properties' });
		expect(options).toEqual([
			{ name: 'date', value: 'date' },
			{ name: 'Favorite color (text)', value: 'Favorite color' },
		]);
	});
});
