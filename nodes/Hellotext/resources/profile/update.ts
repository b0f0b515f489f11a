import { defineOperation } from '../../shared/descriptions';
import { buildProfileBody } from './body';
import { profileIdLocator, profileWriteFields } from './fields';

export const updateProfile = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a profile',
	description: 'Update a profile; only the fields you add are sent',
	method: 'PATCH',
	path: '/profiles/{profileId}',
	noun: 'profile',
	preSend: [buildProfileBody('updateFields')],
	fields: [
		profileIdLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: profileWriteFields('update'),
		},
	],
});
