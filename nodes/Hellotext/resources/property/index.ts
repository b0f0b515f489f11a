import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { booleanField, idLocator, profileLocator, sendAs, textField } from '../../shared/fields';
import type { Item } from '../../shared/item';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { refuse, requireText } from '../../shared/refusals';
import { addToBody, type RequestStep } from '../../shared/request';

const propertyId = idLocator({
	name: 'propertyId',
	displayName: 'Property',
	searchListMethod: 'searchProperties',
	searchPlaceholder: 'Search by name…',
	description: 'The property to act on',
});

/** Kinds whose properties belong to one profile: `profile` is required for them, refused for others. */
const PROFILE_KINDS = ['address', 'email', 'phone'];
/** Kinds the reference says cannot be unique (among those Create accepts). */
const NEVER_UNIQUE_KINDS = ['checkbox', 'date', 'tags'];

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
	...profileLocator(
		'propertyProfileId',
		'The profile the property belongs to; only that profile sees it. Required for address, email and phone.',
	),
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

function checkName(item: Item, name: unknown) {
	if (typeof name !== 'string' || name === '') return;
	const problem = /^\d/.test(name) ? 'cannot start with a number' : /[{}]/.test(name) ? 'cannot contain curly brackets' : undefined;
	if (problem) refuse(item, `"Name" ${problem}`, `Hellotext refuses property names like "${name}".`);
}

/** The rules of Create a property that can be checked before sending. */
const checkCreate: RequestStep = (item, request) => {
	const propertyKind = String(item.get('kind', ''));
	const values = item.get<IDataObject>(additionalFieldsOf('property'), {});
	if (PROFILE_KINDS.includes(propertyKind)) {
		requireText(item, 'propertyProfileId', 'Profile', ` for a property of kind ${propertyKind}`);
	} else if (request.body) {
		// Only address, email and phone properties can belong to a profile.
		delete request.body.profile;
	}
	if (values.unique === true && NEVER_UNIQUE_KINDS.includes(propertyKind)) {
		refuse(item, `"Unique" is not possible for a property of kind ${propertyKind}`);
	}
	checkName(item, values.name);
};

/** Update: the name rules, and Move to Bottom (`position: ''`) instead of a position. */
const checkUpdate: RequestStep = (item, request) => {
	const values = item.get<IDataObject>(updateFieldsOf('property'), {});
	checkName(item, values.name);
	if (values.moveToBottom === true) {
		if (values.position !== undefined) refuse(item, '"Position" and "Move to Bottom" cannot be sent together');
		addToBody(request, { position: '' });
	}
};

export const property = defineResource(
	'Property',
	'property',
	crud({
		resource: 'property',
		noun: 'property',
		plural: 'properties',
		path: '/properties',
		idField: propertyId,
		create: {
			description: 'Create a custom profile property; needs its kind (and a profile for address, email and phone)',
			fields: [kind, profile],
			options: [
				textField('Name', 'name', 'name', `Optional name of the property.${nameRules}`),
				position('Position among the properties for sorting; the last position when not set'),
				booleanField(
					'Unique',
					'unique',
					'unique',
					'Whether no two profiles may have the same value. Not possible for checkbox, date and tags.',
				),
			],
			steps: [checkCreate],
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
				textField('Name', 'name', 'name', `New name of the property.${nameRules}`),
				position('New position among the properties for sorting; the others move accordingly'),
				booleanField('Unique', 'unique', 'unique', 'Whether no two profiles may have the same value; fails while profiles share a value'),
			],
			steps: [checkUpdate],
		},
		filters: [
			{
				...profileLocator('profile', 'Only the properties of this profile', false),
				default: { mode: 'id', value: '' },
				routing: sendAs('profile', 'query'),
			},
		],
	}),
	'create',
);
