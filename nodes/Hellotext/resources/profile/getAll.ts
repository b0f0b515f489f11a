import { getManyOperation, sendAs } from '../../shared/descriptions';

export const getManyProfiles = getManyOperation({
	resource: 'profile',
	plural: 'profiles',
	path: '/profiles',
	listProperty: 'profiles',
	description: 'List profiles, most recently active first unless Sort By says otherwise',
	fields: [
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
	filters: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only profiles with this email',
			routing: sendAs('email', 'query'),
		},
		{
			displayName: 'First Name',
			name: 'first_name',
			type: 'string',
			default: '',
			description: 'Only profiles with this first name',
			routing: sendAs('first_name', 'query'),
		},
		{
			displayName: 'Last Name',
			name: 'last_name',
			type: 'string',
			default: '',
			description: 'Only profiles with this last name',
			routing: sendAs('last_name', 'query'),
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			description: 'Only profiles with this phone',
			routing: sendAs('phone', 'query'),
		},
		{
			displayName: 'Property Value',
			name: 'property',
			type: 'string',
			default: '',
			description: 'Only profiles with a property holding this value',
			routing: sendAs('property', 'query'),
		},
	],
});
