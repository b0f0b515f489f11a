/**
 * Object types: the structures of custom objects (`/v1/objects`), from Hellotext's developer guides
 * (e.g. `repair`, with the properties ticket and device). Events of the account's own event types
 * can be about an object of such a type (Event > Track). The guides document no Delete, no
 * instance endpoint, and no other property kind than `text` by name.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, required, sendAs } from '../../shared/fields';
import { crud, defineOperation, defineResource } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import type { RequestStep } from '../../shared/request';
import type { Runner } from '../../shared/run';

export const objectTypeId = idLocator({
	name: 'objectTypeId',
	displayName: 'Object Type',
	searchListMethod: 'searchObjectTypes',
	searchPlaceholder: 'Search by name…',
	byName: true,
	description: 'The object type, by ID or by its name (e.g. repair)',
});

interface PropertyRow {
	name?: string;
	kind?: string;
	required?: boolean;
	unique?: boolean;
}

const propertiesField = (name: string, description: string): INodeProperties => ({
	displayName: 'Properties',
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Property',
	default: {},
	description,
	options: [
		{
			displayName: 'Property',
			name: 'property',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. ticket' },
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					default: 'text',
					description:
						'Text is the only kind the guides name; another one (numbers, dates, yes/no, money...) can be given as Hellotext names it, with an expression',
					options: [{ name: 'Text', value: 'text' }],
				},
				{ displayName: 'Required', name: 'required', type: 'boolean', default: false, description: 'Whether every object must have it' },
				{ displayName: 'Unique', name: 'unique', type: 'boolean', default: false, description: 'Whether no two objects may share its value' },
			],
		},
	],
});

/** The rows of a Properties field, each with its name; a name given twice is refused. */
function propertyRows(item: Parameters<RequestStep>[0], field: string): IDataObject[] {
	const rows = (item.get<IDataObject>(field, {})?.property ?? []) as PropertyRow[];
	const seen = new Set<string>();
	return rows.map((row, index) => {
		const name = String(row.name ?? '').trim();
		if (!name) refuse(item, `"Properties ${index + 1}" has no name`);
		if (seen.has(name)) refuse(item, `"Properties" has the name "${name}" twice`);
		seen.add(name);
		return { name, kind: String(row.kind ?? 'text'), required: row.required === true, unique: row.unique === true };
	});
}

/**
 * Update: the API manages a type's properties by their ids (the guides; the body's shape is our
 * careful reading): the type is read, its properties sent back whole with their ids, a row of an
 * existing name changes that property's Required and Unique, a new name adds one. Then the type
 * is read again, as the guides advise, and output.
 */
const updateProperties: Runner = async ({ item, send }, request) => {
	const current = (await send({ method: 'GET', url: request.url, qs: {}, target: request.target })).body as IDataObject;
	const properties = ((current.properties ?? []) as IDataObject[]).map((property) => ({ ...property }));
	for (const row of propertyRows(item, 'objectTypePropertyChanges')) {
		const existing = properties.find((property) => property.name === row.name);
		if (!existing) {
			properties.push(row);
			continue;
		}
		if (existing.kind !== row.kind) {
			refuse(item, `"${String(row.name)}" is a ${String(existing.kind)} property: its kind cannot change`, 'The guides: do not change the kind of a property that holds values.');
		}
		Object.assign(existing, { required: row.required, unique: row.unique });
	}
	await send({ ...request, body: { properties } });
	return [(await send({ method: 'GET', url: request.url, qs: {}, target: request.target })).body as IDataObject];
};

export const objectType = defineResource(
	'Object Type',
	'objectType',
	[
		...crud({
			resource: 'objectType',
			noun: 'object type',
			plural: 'object types',
			listProperty: 'objects',
			path: '/objects',
			idField: objectTypeId,
			remove: false,
			update: false,
			create: {
				description: 'Create the structure of a custom object (not an object); needs its title, name and properties',
				fields: [
					required({
						displayName: 'Title',
						name: 'objectTypeTitle',
						type: 'string',
						default: '',
						placeholder: 'e.g. Repairs',
						description: 'What Hellotext shows, in the plural',
						routing: sendAs('title'),
					}),
					required({
						displayName: 'Name',
						name: 'objectTypeName',
						type: 'string',
						default: '',
						placeholder: 'e.g. repair',
						description: 'The singular technical name the API and Event > Track use; it cannot change later',
						routing: sendAs('name'),
					}),
					propertiesField('objectTypeProperties', 'The properties of its objects; the first is their label in Hellotext'),
				],
				steps: [
					(item, request) => {
						request.body = { ...request.body, properties: propertyRows(item, 'objectTypeProperties') };
					},
				],
			},
			descriptions: { getAll: 'List the object types, built-in (orders, products...) and the account’s own' },
		}),
		defineOperation({
			value: 'update',
			name: 'Update',
			action: 'Update an object type',
			description:
				'Add properties to an object type or change whether they are required or unique, by the type’s ID or name; reads it, sends all its properties back, then reads it again',
			method: 'PATCH',
			path: '/objects/{objectTypeId}',
			noun: 'object type',
			run: updateProperties,
			fields: [objectTypeId, propertiesField('objectTypePropertyChanges', 'Properties to add, or existing ones (by name) whose Required and Unique change')],
		}),
	],
	'create',
);
