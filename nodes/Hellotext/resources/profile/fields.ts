import type { INodeProperties } from 'n8n-workflow';

import { pairsField } from '../../shared/input';
import { idLocator } from '../../shared/locators';

export const profileIdLocator = idLocator({
	name: 'profileId',
	displayName: 'Profile',
	searchListMethod: 'searchProfiles',
	searchPlaceholder: 'Search by email, phone or first name…',
	description: 'The profile to act on',
});

const namedValues = (displayName: string, name: string, keyDescription: string, rowName: string) =>
	pairsField({ displayName, name, rowName, keyName: 'Name or Property ID', keyDescription });

const addressJson: INodeProperties = {
	displayName: 'Address (JSON)',
	name: 'addressJson',
	type: 'json',
	default: '{\n  "street": { "name": "", "number": "" },\n  "city": "",\n  "region": "",\n  "postal_code": "",\n  "country": ""\n}',
	description: 'The default address as an address object. Use Address (Free Text) to let Hellotext parse a string instead.',
};

/** Fields shared by Create and Update, in the collection each of them uses. */
export function profileWriteFields(mode: 'create' | 'update'): INodeProperties[] {
	const removeHint = mode === 'update' ? ' An empty value removes it.' : '';
	const byIdHint = mode === 'update' ? ' or the ID of an existing property' : '';
	const fields: INodeProperties[] = [
		{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: `The default email.${removeHint}`,
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			description: `The default phone, in E.164 format or local to the business country.${removeHint}`,
		},
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
			description: `Lists to add the profile to; missing lists are created.${mode === 'update' ? ' An empty selection removes the profile from every list.' : ''} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
		},
		namedValues('Emails', 'namedEmails', `A property name, e.g. work${byIdHint}`, 'Email'),
		namedValues('Phones', 'namedPhones', `A property name, e.g. work${byIdHint}`, 'Phone'),
		namedValues('Addresses', 'namedAddresses', `A property name, e.g. work${byIdHint}`, 'Address'),
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
	];
	if (mode === 'create') {
		fields.push({
			displayName: 'Subscribe',
			name: 'subscribe',
			type: 'boolean',
			default: false,
			description:
				'Whether to subscribe the profile to promotional messages now; only with the customer’s explicit consent',
		});
	} else {
		fields.push(
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
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: profileWriteFields('create'),
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
