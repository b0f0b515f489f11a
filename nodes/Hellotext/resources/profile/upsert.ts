import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { encodeId } from '../../shared/encodeId';
import { fieldCollection } from '../../shared/fields';
import { additionalFieldsOf, defineOperation } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import type { Runner } from '../../shared/run';
import { contactFields, emailOrPhone, profileBody, profileOptions } from './fields';

const matchBy: INodeProperties = emailOrPhone(
	'matchBy',
	'Match By',
	'email',
	'Which of Email and Phone finds the existing profile; that one must be set',
);

/**
 * Find by the Email or Phone field (Match By); update the one match, create when none, refuse
 * when several match. Creates answer only `{id}`, so the profile is read back for the output.
 */
const upsert: Runner = async ({ item, send }, request) => {
	const by = item.get<'email' | 'phone'>('matchBy', 'email');
	const body = { ...(request.body ?? {}) };
	const matchValue = typeof body[by] === 'string' ? (body[by] as string).trim() : '';
	if (!matchValue) {
		const label = by === 'email' ? 'Email' : 'Phone';
		refuse(item, `"${label}" is empty: Match By is ${label}, so it finds the profile`);
	}

	const found = await send({ method: 'GET', url: '/profiles', qs: { [by]: matchValue, limit: 2 } });
	const matches = ((found.body as IDataObject | undefined)?.profiles as IDataObject[] | undefined) ?? [];
	if (matches.length > 1) {
		refuse(
			item,
			`Several profiles have the ${by} "${matchValue}": cannot tell which one to update`,
			`Matching profiles include ${matches.map((p) => p.id as string).join(', ')}. Merge them in Hellotext, or update one by ID.`,
		);
	}

	let id: string;
	let result: 'created' | 'updated';
	if (matches.length === 0) {
		const created = await send({ method: 'POST', url: '/profiles', qs: {}, body: { ...body, [by]: matchValue } });
		id = (created.body as IDataObject).id as string;
		result = 'created';
	} else {
		id = matches[0].id as string;
		// The contact it was found by is on it already: sending it again could make it the default.
		const { subscribe, [by]: _found, ...changes } = body;
		const path = `/profiles/${encodeId(item, id, 'profile')}`;
		if (Object.keys(changes).length > 0) await send({ method: 'PATCH', url: path, qs: {}, body: changes, target: `profile "${id}"` });
		// The subscription's own endpoint, which the reference documents with its outcome.
		if (subscribe === true) await send({ method: 'POST', url: `${path}/subscribe`, qs: {}, target: `profile "${id}"` });
		result = 'updated';
	}
	const profile = await send({ method: 'GET', url: `/profiles/${encodeId(item, id, 'profile')}`, qs: {}, target: `profile "${id}"` });
	return [{ result, id, profile: profile.body as IDataObject }];
};

export const upsertProfile = defineOperation({
	value: 'upsert',
	name: 'Create or Update',
	// n8n's vetting requires its own text for an upsert's description, so the action (what the
	// node panel lists) says what the profile is found by.
	action: 'Create or update a profile found by email or phone',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	method: 'POST',
	path: '/profiles',
	steps: [profileBody('create')],
	run: upsert,
	fields: [matchBy, ...contactFields, ...fieldCollection('Additional Fields', additionalFieldsOf('profile'), profileOptions('create'))],
});
