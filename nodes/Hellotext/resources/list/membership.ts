import type { IHttpRequestMethods } from 'n8n-workflow';

import { named } from '../../shared/crud';
import { defineOperation } from '../../shared/descriptions';
import { profileIdLocator } from '../profile/fields';
import { listIdLocator } from './fields';

// No `noun`: a 404 may be about the list or the profile, and the API's message says which.
const membership = (value: string, name: string, method: IHttpRequestMethods, description: string) =>
	defineOperation({
		value,
		name,
		action: `${name.replace(' Profile', '')} a profile ${value === 'addProfile' ? 'to' : 'from'} a list`,
		description,
		method,
		path: '/lists/{listId}/profiles/{listProfileId}',
		fields: [listIdLocator, named('listProfileId', profileIdLocator)],
	});

export const addProfileToList = membership(
	'addProfile',
	'Add Profile',
	'POST',
	'Add a profile to a list, if it is not in it already; returns the profile',
);

export const removeProfileFromList = membership(
	'removeProfile',
	'Remove Profile',
	'DELETE',
	'Remove a profile from a list, if it is in it; returns the profile',
);
