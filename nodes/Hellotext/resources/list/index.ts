import type { INodeProperties } from 'n8n-workflow';

import { sendAs } from '../../shared/descriptions';
import { crudResource, named, requiredField, stringField } from '../../shared/crud';
import { listIdLocator } from './fields';
import { addProfileToList, removeProfileFromList } from './membership';

const name = named(
	'listName',
	requiredField(
		stringField('Name', 'name', 'Name of the list. Duplicate names (ignoring case) are not allowed.', {
			placeholder: 'e.g. VIP customers',
		}),
	),
);

export const listProperties: INodeProperties[] = crudResource('list', {
	noun: 'list',
	plural: 'lists',
	path: '/lists',
	idField: listIdLocator,
	create: { fields: [name] },
	update: { fields: [name] },
	filters: [
		{
			displayName: 'Name Starts With',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only lists whose name starts with this text',
			routing: sendAs('name', 'query'),
		},
	],
	extra: [addProfileToList, removeProfileFromList],
});
