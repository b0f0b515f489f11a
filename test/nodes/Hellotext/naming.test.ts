import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { HellotextApi } from '../../../credentials/HellotextApi.credentials';
import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { HellotextTrigger } from '../../../nodes/HellotextTrigger/HellotextTrigger.node.ts';

/** The naming rule (CONTRIBUTING.md): parameter names and resource and operation values are camelCase. */
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** Every parameter name in a property list, nested collections and fixed collections included, with where it is. */
function parameterNames(properties: INodeProperties[], at = ''): Array<[string, string]> {
	const names: Array<[string, string]> = [];
	for (const property of properties) {
		const where = `${at}${property.name}`;
		names.push([property.name, where]);
		if (property.type === 'collection') names.push(...parameterNames(property.options as INodeProperties[], `${where}.`));
		if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) {
				names.push([group.name, `${where}.${group.name}`]);
				names.push(...parameterNames(group.values, `${where}.${group.name}.`));
			}
		}
	}
	return names;
}

describe('one naming rule for parameters and values', () => {
	const hellotext = new Hellotext().description.properties;
	const descriptions = {
		Hellotext: hellotext,
		'Hellotext Trigger': new HellotextTrigger().description.properties,
		'Hellotext API credential': new HellotextApi().properties,
	};

	it.each(Object.entries(descriptions))('%s: every parameter name is camelCase', (_node, properties) => {
		const offending = parameterNames(properties).filter(([name]) => !CAMEL_CASE.test(name));
		expect(offending.map(([, where]) => where)).toEqual([]);
	});

	it('every resource and operation value is camelCase', () => {
		const values = hellotext
			.filter((p) => p.name === 'resource' || p.name === 'operation')
			.flatMap((p) => (p.options as INodePropertyOptions[]).map((option) => String(option.value)));
		expect(values.filter((value) => !CAMEL_CASE.test(value))).toEqual([]);
		expect(values).toContain('eventType');
		expect(values).not.toContain('action');
	});

	it('an API name appears only where the request is built: no parameter is named like an API key with an underscore', () => {
		// The rule's other half, seen from the description: `first_name` is sent, `firstName` is the field.
		const all = parameterNames(hellotext).map(([name]) => name);
		expect(all).toContain('firstName');
		expect(all).toContain('destinationUrl');
		expect(all.filter((name) => name.includes('_'))).toEqual([]);
	});
});
