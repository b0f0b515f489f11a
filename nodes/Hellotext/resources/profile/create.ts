import { additionalFieldsOf } from '../../shared/crud';
import { defineOperation } from '../../shared/descriptions';
import { buildProfileBody } from './body';
import { profileAdditionalFields, profileContactFields } from './fields';

export const createProfile = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a profile',
	description: 'Create a customer profile',
	method: 'POST',
	path: '/profiles',
	preSend: [buildProfileBody(additionalFieldsOf('profile'), true)],
	fields: [...profileContactFields, profileAdditionalFields],
});
