import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../../nodes/Hellotext/Hellotext.node.ts';
import { RENAMES } from '../../../../nodes/Hellotext/shared/version1.ts';
import { locator, useSandbox } from '../../../harness/setup';

type Obj = Record<string, any>;

describe('nodes from version 0.1 (node version 1)', () => {
	const env = useSandbox();
	const version1 = { node: { typeVersion: 1 } };

	it('new nodes are version 2', () => {
		const { description } = new Hellotext();
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	it('an operation whose parameters were renamed stops, naming the renames, and sends nothing', async () => {
		const { error } = await env.engine.run({ resource: 'profile', operation: 'create', first_name: 'Ada' }, [{}], version1);
		expect(error?.message).toContain('from version 0.1 of n8n-nodes-hellotext');
		expect(error?.description).toContain('additionalFields → profileAdditionalFields');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('an operation whose parameters kept their names runs as before', async () => {
		const id = (env.sandbox.call('POST', '/v1/profiles', { first_name: 'Ada' }) as Obj).id as string;
		const { items, error } = await env.engine.run({ resource: 'profile', operation: 'get', profileId: locator(id) }, [{}], version1);
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(id);
	});

	it('the table names, for each operation, parameters the operation has now', () => {
		const { properties } = new Hellotext().description;
		for (const [key, renames] of RENAMES) {
			const [resource, operation] = key.split(':');
			const shown = properties
				.filter((p) => {
					const show = p.displayOptions?.show;
					return show?.resource?.includes(resource) && show.operation?.includes(operation);
				})
				.map((p) => p.name);
			for (const [, now] of renames) {
				for (const name of now.split('/')) expect(shown, `${key}: ${name}`).toContain(name);
			}
		}
	});
});
