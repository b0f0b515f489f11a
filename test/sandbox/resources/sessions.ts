import { ApiError, missing, type HellotextSandbox, type StoredObject } from '../server.ts';

/**
 * Sessions come from short-link clicks and Hellotext.js, never from the API: tests make one with
 * `sb.insert('sessions', 'session', { profile: null })`. The reference does not show the answer
 * of PATCH /sessions/:id; this sandbox answers the session object.
 */
export function registerSessions(sb: HellotextSandbox): void {
	sb.route('PATCH', '/v1/sessions/:id', ({ params, body }) => {
		const session: StoredObject = sb.get('sessions', params.id, 'session');
		if (body.profile === undefined || body.profile === null) throw missing('profile');
		if (body.profile === '') {
			throw new ApiError(400, 'parameter_invalid_empty', 'This required parameter has an empty value. Provide a valid value for the parameter.', 'profile');
		}
		const profile = sb.get('profiles', String(body.profile), 'profile');
		session.profile = profile.id;
		// "All carts associated with a session will be assigned to the profile you attach the session to."
		for (const cart of sb.collection('carts')) if (cart.session === session.id) cart.profile = profile.id;
		return session;
	});
}
