import { Workflow, type INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { Engine } from '../../support/engine';

const { description } = new Hellotext();

/** The fields the editor shows for a resource and operation, in order. */
const fieldsOf = (resource: string, operation: string) =>
	description.properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show.operation?.includes(operation);
	});

const option = (field: INodeProperties | undefined, name: string) =>
	(field?.options as INodeProperties[] | undefined)?.find((o) => o.displayName === name);

describe('what the editor shows', () => {
	it('the canvas subtitle says what the node does, from the operation’s action text', () => {
		const engine = new Engine({ baseUrl: 'http://127.0.0.1:1', token: 't' });
		const subtitle = (parameters: Record<string, string>) => {
			const node = engine.node(parameters);
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: engine.nodeTypes });
			return workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {});
		};
		expect(subtitle({ resource: 'list', operation: 'addProfile' })).toBe('Add a profile to a list');
		expect(subtitle({ resource: 'profile', operation: 'upsert' })).toBe('Create or update a profile found by email or phone');
		expect(subtitle({ resource: 'eventType', operation: 'getAll' })).toBe('Get many event types');
	});

	it('no resource is called "… Action", which n8n’s node panel would show as "… Action actions"', () => {
		const resources = description.properties.find((p) => p.name === 'resource')!.options as Array<{ name: string }>;
		expect(resources.map((r) => r.name)).toContain('Event Type');
		expect(resources.filter((r) => /action$/i.test(r.name))).toEqual([]);
	});

	it('Profile > Create shows Email, Phone, First Name and Last Name on top, named contacts read as such', () => {
		const fields = fieldsOf('profile', 'create');
		expect(fields.map((f) => f.displayName)).toEqual(['Email', 'Phone', 'First Name', 'Last Name', 'Additional Fields']);
		const collection = fields[4];
		for (const name of ['Named Emails', 'Named Phones', 'Named Addresses']) expect(option(collection, name)).toBeDefined();
		for (const name of ['Email', 'Phone', 'First Name', 'Last Name', 'Emails', 'Phones']) expect(option(collection, name)).toBeUndefined();
	});

	it('Profile > Get Many sorts with "Sort By", not a filter called "Order"', () => {
		const fields = fieldsOf('profile', 'getAll');
		expect(fields.map((f) => f.displayName)).toEqual(['Return All', 'Limit', 'Filters', 'Sort By', 'Simplify']);
		expect(option(fields[2], 'Order')).toBeUndefined();
	});

	it('Event > Track says what to do when the list of objects to pick from is empty', () => {
		const order = fieldsOf('event', 'track').find((f) => f.name === 'order');
		expect(order?.description).toContain('Set Reference By to Inline Parameters');
	});

	it('Create or Update says what it matches on (its description is the text n8n’s vetting requires)', () => {
		const picker = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('profile'));
		const upsert = (picker?.options as Array<{ value: string; action: string }>).find((o) => o.value === 'upsert');
		expect(upsert?.action).toBe('Create or update a profile found by email or phone');
		expect(fieldsOf('profile', 'upsert').find((f) => f.name === 'matchBy')?.description).toContain('Email and Phone');
	});

	it('Simplify (on by default) on the Get and Get Many of the answers of more than 10 fields, nowhere else', () => {
		const simplify = description.properties.find((p) => p.name === 'simplify')!;
		expect(simplify).toMatchObject({ type: 'boolean', default: true, displayName: 'Simplify' });
		expect(simplify.displayOptions?.show?.resource?.sort()).toEqual(['event', 'order', 'product', 'profile']);
		expect(simplify.displayOptions?.show?.operation?.sort()).toEqual(['get', 'getAll']);
	});

	it('every operation’s description says what it needs, for an AI agent choosing the tool', () => {
		const pickers = description.properties.filter((p) => p.name === 'operation');
		for (const picker of pickers) {
			for (const operation of picker.options as Array<{ name: string; value: string; description?: string }>) {
				const where = `${picker.displayOptions?.show?.resource?.[0]} > ${operation.name}`;
				expect(operation.description, where).toMatch(/^[A-Z].{20,}/);
				// An operation on one object says which ID (or name, reference...) it needs.
				const fields = fieldsOf(picker.displayOptions!.show!.resource![0] as string, operation.value);
				if (['get', 'delete'].includes(operation.value) && fields.some((f) => f.type === 'resourceLocator')) {
					expect(operation.description, where).toMatch(/ID/);
				}
			}
		}
	});

	it('writes run their own item loop (custom operations); reads (Get, Get Many) run on RoutingNode', () => {
		const { customOperations } = new Hellotext();
		const pickers = description.properties.filter((p) => p.name === 'operation');
		for (const picker of pickers) {
			const resource = picker.displayOptions!.show!.resource![0] as string;
			for (const operation of picker.options as Array<{ value: string; routing?: { request?: { method?: string } } }>) {
				const isRead = operation.routing?.request?.method === 'GET';
				expect(Boolean(customOperations[resource]?.[operation.value]), `${resource} > ${operation.value}`).toBe(!isRead);
			}
		}
	});
});
