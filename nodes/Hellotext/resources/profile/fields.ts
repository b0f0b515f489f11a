/**
 * A profile's fields and the body built from them, together: Create's top-level contact fields,
 * the Additional Fields (Create, Create or Update) and the Update Fields.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { sendAs } from '../../shared/fields';
import { pairsInput, parseJsonObject } from '../../shared/inputs';
import { isBlank, type Item } from '../../shared/item';
import { additionalFieldsOf, updateFieldsOf } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import { bodyOf, type RequestStep } from '../../shared/request';

/** The fields people set on almost every profile, by parameter name, with the API's names. */
const CONTACTS: Array<{ field: INodeProperties; apiName: string }> = [
	{
		field: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'The default email' },
		apiName: 'email',
	},
	{
		field: {
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			placeholder: '+59899000001',
			default: '',
			description: 'The default phone, in E.164 format or local to the business country',
		},
		apiName: 'phone',
	},
	{ field: { displayName: 'First Name', name: 'firstName', type: 'string', default: '' }, apiName: 'first_name' },
	{ field: { displayName: 'Last Name', name: 'lastName', type: 'string', default: '' }, apiName: 'last_name' },
];

/** Create's and Create or Update's top-level contact fields (a blank one is not sent). */
export const contactFields: INodeProperties[] = CONTACTS.map(({ field }) => field);

/** Values of named contact properties (`email[work]`), as opposed to the default one. */
const namedValues = (displayName: string, name: string, rowName: string, what: string, byId: boolean) =>
	pairsInput({
		displayName,
		name,
		rowName,
		keyName: 'Name or Property ID',
		keyDescription: `A property name, e.g. work${byId ? ' or the ID of an existing property' : ''}`,
		description: `${what} under a property name such as "work", besides the default one`,
	});

const namedHashes = (byId: boolean) => [
	{ apiName: 'email', defaultLabel: 'Email', input: namedValues('Named Emails', 'namedEmails', 'Email', 'Emails', byId) },
	{ apiName: 'phone', defaultLabel: 'Phone', input: namedValues('Named Phones', 'namedPhones', 'Phone', 'Phones', byId) },
	{ apiName: 'address', defaultLabel: 'Address', input: namedValues('Named Addresses', 'namedAddresses', 'Address', 'Addresses', byId) },
];

const customProperties = pairsInput({
	displayName: 'Custom Properties',
	name: 'properties',
	rowName: 'Property',
	keyName: 'Name or ID',
	description: 'Property values by property name, or by kind for unnamed properties (e.g. gender)',
	key: {
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPropertyNames' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
});
const customPropertiesById = pairsInput({
	displayName: 'Custom Properties by ID',
	name: 'propertiesById',
	rowName: 'Property',
	keyName: 'Property ID',
	keyDescription: 'The ID of the property',
});

const removeHint = ' An empty value removes it.';

/** The options of Additional Fields (Create, Create or Update) or Update Fields (which has the contacts too). */
export function profileOptions(mode: 'create' | 'update'): INodeProperties[] {
	const update = mode === 'update';
	const fields: INodeProperties[] = [
		{
			displayName: 'Address (Free Text)',
			name: 'addressSuggest',
			type: 'string',
			default: '',
			description: 'A postal address as one string; Hellotext splits it into an address object',
		},
		{
			displayName: 'Address (JSON)',
			name: 'addressJson',
			type: 'json',
			default: '{\n  "street": { "name": "", "number": "" },\n  "city": "",\n  "region": "",\n  "postal_code": "",\n  "country": ""\n}',
			description: 'The default address as an address object. Use Address (Free Text) to let Hellotext parse a string instead.',
		},
		{
			displayName: 'List Names or IDs',
			name: 'lists',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getListNames' },
			default: [],
			description: `Lists to add the profile to; missing lists are created.${update ? ' An empty selection removes the profile from every list.' : ''} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
			routing: sendAs('lists'),
		},
		...namedHashes(update).flatMap(({ input }) => input.fields),
		...customProperties.fields,
		...customPropertiesById.fields,
		{
			displayName: 'Subscribe',
			name: 'subscribe',
			type: 'boolean',
			default: false,
			description: 'Whether to subscribe the profile to promotional messages now; only with the customer’s explicit consent',
			routing: sendAs('subscribe'),
		},
	];
	if (update) {
		fields.push(
			...CONTACTS.map(({ field, apiName }) => ({
				...field,
				description: field.description ? `${field.description}.${removeHint}` : undefined,
				routing: sendAs(apiName),
			})),
			{
				displayName: 'New Default Email',
				name: 'newDefaultEmail',
				type: 'string',
				default: '',
				description: 'Becomes the default email; the old default stays on the profile',
				routing: sendAs('new_default_email'),
			},
			{
				displayName: 'New Default Phone',
				name: 'newDefaultPhone',
				type: 'string',
				default: '',
				description: 'Becomes the default phone; the old default stays on the profile',
				routing: sendAs('new_default_phone'),
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
	return fields;
}

/**
 * The profile body beyond the fields sent as they are: Create's top-level contacts, the address,
 * the named values and the custom properties. `email`, `phone` and `address` are each either a
 * default value or a hash of named values (`email[work]`), never both at once, so a request that
 * sets both is refused instead of silently dropping one.
 */
export function profileBody(mode: 'create' | 'update'): RequestStep {
	const collection = mode === 'create' ? additionalFieldsOf('profile') : updateFieldsOf('profile');
	const hashes = namedHashes(mode === 'update');
	return (item: Item, request) => {
		const body = bodyOf(request);
		if (mode === 'create') {
			for (const { field, apiName } of CONTACTS) {
				const value = item.get(field.name, '');
				if (!isBlank(value)) body[apiName] = value as string;
			}
		}
		const values = item.get<IDataObject>(collection, {});
		if (values.addressSuggest !== undefined && values.addressJson !== undefined) {
			refuse(item, '"Address (Free Text)" and "Address (JSON)" cannot be sent together');
		}
		if (values.addressSuggest !== undefined) body.address = values.addressSuggest === '' ? '' : { suggest: values.addressSuggest };
		if (values.addressJson !== undefined) body.address = parseJsonObject(item, values.addressJson, 'Address (JSON)');
		if (values.newDefaultAddressSuggest !== undefined) body.new_default_address = { suggest: values.newDefaultAddressSuggest };
		for (const { apiName, defaultLabel, input } of hashes) {
			const named = input.read(item, values);
			if (named === undefined) continue;
			if (body[apiName] !== undefined) {
				refuse(
					item,
					`"${defaultLabel}" and "${input.fields[0].displayName}" cannot be sent together`,
					`The API reads "${apiName}" either as the default value or as named values. Set one of them, or use two operations.`,
				);
			}
			body[apiName] = named;
		}
		const properties = customProperties.read(item, values);
		if (properties) body.property = properties;
		const byId = customPropertiesById.read(item, values);
		if (byId) body.property_by_id = byId;
	};
}

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
