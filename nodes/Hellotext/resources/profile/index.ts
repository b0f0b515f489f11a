import type { INodeProperties } from 'n8n-workflow';

import { profileLocator, sendAs } from '../../shared/fields';
import { crud, defineOperation, defineResource } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import { contactFields, emailOrPhone, profileBody, profileOptions } from './fields';
import { upsertProfile } from './upsert';

export const profileId = profileLocator('profileId', 'The profile to act on');

const subscription = [
	{
		value: 'subscribe',
		name: 'Subscribe',
		action: 'Subscribe a profile',
		description: 'Mark a profile as subscribed to promotional messages (only with the customer’s consent); needs the profile’s ID',
	},
	{ value: 'unsubscribe', name: 'Unsubscribe', action: 'Unsubscribe a profile', description: 'Stop promotional messages to a profile; needs the profile’s ID' },
].map((spec) =>
	defineOperation({ ...spec, method: 'POST', path: `/profiles/{profileId}/${spec.value}`, noun: 'profile', fields: [profileId] }),
);

/** Verify and Unverify: the contact is sent as `phone` or `email`, whichever Contact Type says. */
const contactVerification = [
	{ value: 'verify', name: 'Verify Contact', action: 'Verify a profile contact', method: 'POST' as const, verb: 'Verify' },
	{ value: 'unverify', name: 'Unverify Contact', action: 'Unverify a profile contact', method: 'DELETE' as const, verb: 'Unverify' },
].map(({ verb, ...spec }) =>
	defineOperation({
		...spec,
		description: `${verb} one of the profile's phones or emails; needs the profile’s ID and the phone or email`,
		path: '/profiles/{profileId}/verify',
		noun: 'profile',
		fields: [
			profileId,
			emailOrPhone('contactType', 'Contact Type', 'phone'),
			{
				displayName: 'Contact',
				name: 'contact',
				type: 'string',
				required: true,
				default: '',
				placeholder: '+59899000001',
				description: 'The phone or email on the profile',
			},
		],
		steps: [
			(item, request) => {
				const contact = String(item.get('contact', '')).trim();
				if (!contact) refuse(item, '"Contact" is empty: give the phone or email to verify');
				request.body = { [item.get('contactType', 'phone') === 'email' ? 'email' : 'phone']: contact };
			},
		],
	}),
);

const filter = (displayName: string, name: string, apiName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	routing: sendAs(apiName, 'query'),
});

export const profile = defineResource(
	'Profile',
	'profile',
	[
		...crud({
			resource: 'profile',
			noun: 'profile',
			plural: 'profiles',
			path: '/profiles',
			idField: profileId,
			simplify: ['id', 'type', 'first_name', 'last_name', 'emails', 'phones', 'state', 'lists', 'created_at'],
			create: {
				description: 'Create a customer profile from an email, a phone, names and more; returns its ID',
				fields: contactFields,
				options: profileOptions('create'),
				steps: [profileBody('create')],
			},
			update: { options: profileOptions('update'), steps: [profileBody('update')] },
			descriptions: {
				getAll: 'List profiles, most recently active first unless Sort By says otherwise; filters by email, phone, name or a property value',
			},
			filters: [
				{ ...filter('Email', 'email', 'email', 'Only profiles with this email'), placeholder: 'name@email.com' },
				filter('First Name', 'firstName', 'first_name', 'Only profiles with this first name'),
				filter('Last Name', 'lastName', 'last_name', 'Only profiles with this last name'),
				filter('Phone', 'phone', 'phone', 'Only profiles with this phone'),
				filter('Property Value', 'propertyValue', 'property', 'Only profiles with a property holding this value'),
			],
			listFields: [
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					default: 'activity',
					description: 'The order profiles come in; Limit takes the first ones in this order',
					options: [
						{ name: 'Creation Date', value: 'created_at', description: 'Newest first' },
						{ name: 'Last Activity', value: 'activity', description: 'Most recently active first' },
						{ name: 'Name', value: 'alphabetically', description: 'Alphabetically by last name, then first name' },
					],
					routing: sendAs('order', 'query'),
				},
			],
		}),
		upsertProfile,
		...subscription,
		...contactVerification,
	],
	'create',
);
