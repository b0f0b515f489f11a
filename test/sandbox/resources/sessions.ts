import { ApiError, missing, type HellotextSandbox, type StoredObject } from '../server.ts';

/**
 * Sessions come from short-link clicks and Hellotext.js, never from the API: tests make one with
 * `sb.insert('sessions', 'session', { profile: null })`. PATCH /sessions/:id answers the session
 * object with its `profile` (the guides). The reference lets it move a session to another profile;
 * the guides say a session must never be moved to another customer, and this sandbox refuses it.
 */
export function registerSessions(sb: HellotextSandbox): void {
	sb.route('PATCH', '/v1/sessions/:id', ({ params, body }) => {
		const session: StoredObject = sb.get('sessions', params.id, 'session');
		if (body.profile === undefined || body.profile === null) throw missing('profile');
		if (body.profile === '') {
			throw new ApiError(400, 'parameter_invalid_empty', 'This required parameter has an empty value. Provide a valid value for the parameter.', 'profile');
		}
		const profile = sb.get('profiles', String(body.profile), 'profile');
		if (session.profile && session.profile !== profile.id) {
			throw new ApiError(422, 'session_assigned_to_another_profile', 'The session is assigned to another profile.', 'profile');
		}
		session.profile = profile.id;
		// "All carts associated with a session will be assigned to the profile you attach the session to."
		for (const cart of sb.collection('carts')) if (cart.session === session.id) cart.profile = profile.id;
		return session;
	});
}
