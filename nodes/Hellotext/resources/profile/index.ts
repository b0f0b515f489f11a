import type { INodeProperties } from 'n8n-workflow';

import { deleteOperation, getOperation, resourceProperties } from '../../shared/descriptions';
import { createProfile } from './create';
import { profileIdLocator } from './fields';
import { getManyProfiles } from './getAll';
import { subscribeProfile, unsubscribeProfile } from './subscription';
import { updateProfile } from './update';
import { upsertProfileOperation } from './upsert';
import { unverifyContact, verifyContact } from './verify';

const crud = { noun: 'profile', path: '/profiles', idField: profileIdLocator };

export const profileProperties: INodeProperties[] = resourceProperties(
	'profile',
	[
		createProfile,
		getOperation(crud),
		updateProfile,
		upsertProfileOperation,
		deleteOperation(crud),
		getManyProfiles,
		subscribeProfile,
		unsubscribeProfile,
		verifyContact,
		unverifyContact,
	],
	'create',
);
