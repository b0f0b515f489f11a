import { updateFieldsOf } from '../../shared/crud';
import { defineOperation } from '../../shared/descriptions';
import { buildProfileBody } from './body';
import { profileIdLocator, profileUpdateFields } from './fields';

export const updateProfile = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a profile',
	description: 'Update a profile; only the fields you add are sent',
	method: 'PATCH',
	path: '/profiles/{profileId}',
	noun: 'profile',
	preSend: [buildProfileBody(updateFieldsOf('profile'))],
	fields: [profileIdLocator, profileUpdateFields],
});
