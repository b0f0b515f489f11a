import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsOf, updateFieldsOf } from '../../shared/crud';
import { pairsField } from '../../shared/input';
import { idLocator } from '../../shared/locators';

export const profileIdLocator = idLocator({
	name: 'profileId',
	displayName: 'Profile',
	searchListMethod: 'searchProfiles',
	searchPlaceholder: 'Search by email, phone or first name…',
	description: 'The profile to act on',
});

/** Values of named contact properties (`email[work]`), as opposed to the default one. */
const namedValues = (displayName: string, name: string, keyDescription: string, rowName: string, what: string) =>
	pairsField({
		displayName,
		name,
		rowName,
		keyName: 'Name or Property ID',
		keyDescription,
		description: `${what} under a property name such as "work", besides the default one`,
	});

const removeHint = ' An empty value removes it.';

/** The fields people set on almost every profile, shown on top of Create and Create or Update. */
export const profileContactFields: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'The default email' },
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		placeholder: '+59899000001',
		default: '',
		description: 'The default phone, in E.164 format or local to the business country',
	},
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
];

/** Parameter names of `profileContactFields`, which are also their API names. */
export const PROFILE_CONTACT_NAMES = profileContactFields.map((field) => field.name);

const addressJson: INodeProperties = {
	displayName: 'Address (JSON)',
	name: 'addressJson',
	type: 'json',
	default: '{\n  "street": { "name": "", "number": "" },\n  "city": "",\n  "region": "",\n  "postal_code": "",\n  "country": ""\n}',
	description: 'The default address as an address object. Use Address (Free Text) to let Hellotext parse a string instead.',
};

/**
 * The collection fields of Create (beside `profileContactFields`) and of Update (which has the
 * contact fields in the collection too, where an empty value removes).
 */
export function profileWriteFields(mode: 'create' | 'update'): INodeProperties[] {
	const update = mode === 'update';
	const byIdHint = update ? ' or the ID of an existing property' : '';
	const fields: INodeProperties[] = [
		{
			displayName: 'Address (Free Text)',
			name: 'addressSuggest',
			type: 'string',
			default: '',
			description: 'A postal address as one string; Hellotext splits it into an address object',
		},
		addressJson,
		{
			displayName: 'List Names or IDs',
			name: 'lists',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getListNames' },
			default: [],
			description: `Lists to add the profile to; missing lists are created.${update ? ' An empty selection removes the profile from every list.' : ''} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
		},
		namedValues('Named Emails', 'namedEmails', `A property name, e.g. work${byIdHint}`, 'Email', 'Emails'),
		namedValues('Named Phones', 'namedPhones', `A property name, e.g. work${byIdHint}`, 'Phone', 'Phones'),
		namedValues('Named Addresses', 'namedAddresses', `A property name, e.g. work${byIdHint}`, 'Address', 'Addresses'),
		pairsField({
			displayName: 'Custom Properties',
			name: 'properties',
			rowName: 'Property',
			keyName: 'Name or ID',
			description: 'Property values by property name, or by kind for unnamed properties (e.g. gender)',
			key: {
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPropertyNames' },
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
		}),
		pairsField({
			displayName: 'Custom Properties by ID',
			name: 'propertiesById',
			rowName: 'Property',
			keyName: 'Property ID',
			keyDescription: 'The ID of the property',
		}),
		{
			displayName: 'Subscribe',
			name: 'subscribe',
			type: 'boolean',
			default: false,
			description:
				'Whether to subscribe the profile to promotional messages now; only with the customer’s explicit consent',
		},
	];
	if (update) {
		fields.push(
			...profileContactFields.map((field) =>
				field.description ? { ...field, description: `${field.description}.${removeHint}` } : field,
			),
			{
				displayName: 'New Default Email',
				name: 'new_default_email',
				type: 'string',
				default: '',
				description: 'Becomes the default email; the old default stays on the profile',
			},
			{
				displayName: 'New Default Phone',
				name: 'new_default_phone',
				type: 'string',
				default: '',
				description: 'Becomes the default phone; the old default stays on the profile',
			},
			{
				displayName: 'New Default Address (Free Text)',
				name: 'newDefaultAddressSuggest',
				type: 'string',
				default: '',
				description: 'Becomes the default address; the old default stays on the profile',
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Additional Fields of Create and of Create or Update. */
export const profileAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: additionalFieldsOf('profile'),
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: profileWriteFields('create'),
};

/** Update Fields of Update. */
export const profileUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: updateFieldsOf('profile'),
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: profileWriteFields('update'),
};

/** An Email / Phone choice, for what a profile is matched or verified by. */
export function emailOrPhone(name: string, displayName: string, fallback: 'email' | 'phone', description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		default: fallback,
		description,
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
	};
}
