import { profileLocator, sendAs } from '../../shared/fields';
import { defineOperation, defineResource } from '../../shared/operations';
import { requireText } from '../../shared/refusals';

/**
 * The reference lets this PATCH move a session to another profile; Hellotext's guides say a session
 * must never move to another customer. The node attaches; the API refuses a session that belongs
 * to another profile (session_assigned_to_another_profile).
 */
const attachProfile = defineOperation({
	value: 'attachProfile',
	name: 'Attach Profile',
	action: 'Attach a profile to a session',
	description:
		'Assign a session that belongs to no profile yet, with its tracked events and carts, to a profile; needs the session ID and the profile’s ID',
	method: 'PATCH',
	path: '/sessions/{sessionId}',
	noun: 'session',
	steps: [(item) => requireText(item, 'sessionProfileId', 'Profile')],
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
			...profileLocator(
				'sessionProfileId',
				'The profile to assign the session and its tracked events to. A session that belongs to another profile is refused.',
			),
			routing: sendAs('profile'),
		},
	],
});

export const session = defineResource('Session', 'session', [attachProfile], 'attachProfile');
