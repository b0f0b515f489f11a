import { defineOperation } from '../../shared/descriptions';
import { profileIdLocator } from './fields';

export const subscribeProfile = defineOperation({
	value: 'subscribe',
	name: 'Subscribe',
	action: 'Subscribe a profile',
	description: 'Mark a profile as subscribed to promotional messages',
	method: 'POST',
	path: '/profiles/{profileId}/subscribe',
	noun: 'profile',
	fields: [profileIdLocator],
});

export const unsubscribeProfile = defineOperation({
	value: 'unsubscribe',
	name: 'Unsubscribe',
	action: 'Unsubscribe a profile',
	description: 'Stop promotional messages to a profile',
	method: 'POST',
	path: '/profiles/{profileId}/unsubscribe',
	noun: 'profile',
	fields: [profileIdLocator],
});
