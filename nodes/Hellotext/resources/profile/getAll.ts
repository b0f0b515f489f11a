import { getManyOperation, sendAs } from '../../shared/descriptions';

export const getManyProfiles = getManyOperation({
	plural: 'profiles',
	path: '/profiles',
	listProperty: 'profiles',
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
			displayName: 'Order',
			name: 'order',
			type: 'options',
			default: 'activity',
			description: 'How to sort the profiles',
			options: [
				{ name: 'Alphabetically', value: 'alphabetically', description: 'By last name, then first name' },
				{ name: 'Creation Date', value: 'created_at', description: 'Newest first' },
				{ name: 'Last Activity', value: 'activity', description: 'Most recently active first' },
			],
			routing: sendAs('order', 'query'),
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
