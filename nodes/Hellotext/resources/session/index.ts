import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, resourceProperties, sendAs } from '../../shared/descriptions';
import { requireFilled } from '../../shared/crud';
import { profileIdLocator } from '../profile/fields';

const attachProfile = defineOperation({
	value: 'attachProfile',
	name: 'Attach Profile',
	action: 'Attach a profile to a session',
	description:
		'Assign a session and its tracked events (and carts) to a profile, or move it to another profile',
	method: 'PATCH',
	path: '/sessions/{sessionId}',
	noun: 'session',
	preSend: [requireFilled('sessionProfileId', 'Profile')],
	fields: [
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. the hello_session URL parameter',
			description: 'The session identifier, from the hello_session parameter of a short link or from Hellotext.js',
		},
		{
			...profileIdLocator,
			name: 'sessionProfileId',
			description: 'The profile to assign the session and its tracked events to',
			routing: sendAs('profile'),
		},
	],
});

export const sessionProperties: INodeProperties[] = resourceProperties('session', [attachProfile], 'attachProfile');
