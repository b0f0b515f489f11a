import type { INodeProperties } from 'n8n-workflow';

import { sendAs } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';
import { booleanField, crudResource, stringField } from '../../shared/crud';
import { profileIdLocator } from '../profile/fields';
import { checkCreate, checkUpdate, PROFILE_KINDS } from './rules';

const propertyIdLocator = idLocator({
	name: 'propertyId',
	displayName: 'Property',
	searchListMethod: 'searchProperties',
	searchPlaceholder: 'Search by name…',
	description: 'The property to act on',
});

const KINDS: Array<[string, string]> = [
	['Address', 'address'],
	['Checkbox', 'checkbox'],
	['Date', 'date'],
	['Email', 'email'],
	['Number', 'number'],
	['Phone', 'phone'],
	['Tags', 'tags'],
	['Text', 'text'],
	['URL', 'url'],
];

const kind: INodeProperties = {
	displayName: 'Kind',
	name: 'kind',
	type: 'options',
	required: true,
	default: 'text',
	description: 'The format of the property’s values',
	options: KINDS.map(([name, value]) => ({ name, value })),
	routing: sendAs('kind'),
};

const profile: INodeProperties = {
	...profileIdLocator,
	name: 'propertyProfileId',
	description: 'The profile the property belongs to; only that profile sees it. Required for address, email and phone.',
	displayOptions: { show: { kind: PROFILE_KINDS } },
	routing: sendAs('profile'),
};

const nameRules = ' Must be unique, must not start with a number, must not contain curly brackets.';

const position = (description: string): INodeProperties => ({
	displayName: 'Position',
	name: 'position',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 1,
	description,
	routing: sendAs('position'),
});

export const propertyProperties: INodeProperties[] = crudResource('property', {
	noun: 'property',
	plural: 'properties',
	path: '/properties',
	idField: propertyIdLocator,
	create: {
		fields: [kind, profile],
		options: [
			stringField('Name', 'name', `Optional name of the property.${nameRules}`),
			position('Position among the properties for sorting; the last position when not set'),
			booleanField(
				'Unique',
				'unique',
				'Whether no two profiles may have the same value. Not possible for checkbox, date and tags.',
			),
		],
		preSend: [checkCreate],
	},
	update: {
		options: [
			{
				displayName: 'Move to Bottom',
				name: 'moveToBottom',
				type: 'boolean',
				default: false,
				description: 'Whether to move the property to the bottom of the properties list (sends an empty position)',
			},
			stringField('Name', 'name', `New name of the property.${nameRules}`),
			position('New position among the properties for sorting; the others move accordingly'),
			booleanField(
				'Unique',
				'unique',
				'Whether no two profiles may have the same value; fails while profiles share a value',
			),
		],
		preSend: [checkUpdate],
	},
	filters: [
		{
			...profileIdLocator,
			name: 'profile',
			required: false,
			default: { mode: 'id', value: '' },
			description: 'Only the properties of this profile',
			routing: sendAs('profile', 'query'),
		},
	],
});
