import {
	NodeOperationError,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { additionalFieldsOf } from '../../shared/crud';
import { defineOperation } from '../../shared/descriptions';
import { encodeId } from '../../shared/encodeId';
import { readParameter } from '../../shared/parameters';
import { routedFlow, type Sender } from '../../shared/transport';
import { buildProfileBody } from './body';
import { emailOrPhone, profileAdditionalFields, profileContactFields } from './fields';

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
async function upsertProfile(
	this: IExecutePaginationFunctions,
	send: Sender,
	request: Parameters<Parameters<typeof routedFlow>[0]>[1],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const matchBy = readParameter<'email' | 'phone'>(this, 'matchBy', 'email');
	const body = { ...((request.options.body as IDataObject) ?? {}) };
	const matchValue = typeof body[matchBy] === 'string' ? (body[matchBy] as string).trim() : '';
	if (!matchValue) {
		const label = matchBy === 'email' ? 'Email' : 'Phone';
		throw new NodeOperationError(node, `"${label}" is empty: Match By is ${label}, so it finds the profile`, { itemIndex });
	}

	const found = await send({
		...request,
		options: { ...request.options, method: 'GET', url: '/profiles', body: undefined, qs: { [matchBy]: matchValue, limit: 2 } },
	});
	const matches = (found[0]?.json.profiles as IDataObject[] | undefined) ?? [];
	if (matches.length > 1) {
		throw new NodeOperationError(node, `Several profiles have the ${matchBy} "${matchValue}": cannot tell which one to update`, {
			itemIndex,
			description: `Matching profiles include ${matches.map((p) => p.id as string).join(', ')}. Merge them in Hellotext, or update one by ID.`,
		});
	}

	let id: string;
	let result: 'created' | 'updated';
	if (matches.length === 0) {
		const created = await send({ ...request, options: { ...request.options, method: 'POST', url: '/profiles', body: { ...body, [matchBy]: matchValue } } });
		id = created[0].json.id as string;
		result = 'created';
	} else {
		id = matches[0].id as string;
		// The contact it was found by is on it already: sending it again could make it the default.
		const { subscribe, [matchBy]: _found, ...changes } = body;
		const path = `/profiles/${encodeId(node, id, 'profile', itemIndex)}`;
		if (Object.keys(changes).length > 0) {
			await send({ ...request, options: { ...request.options, method: 'PATCH', url: path, body: changes } });
		}
		// The subscription's own endpoint, which the reference documents with its outcome.
		if (subscribe === true) {
			await send({ ...request, options: { ...request.options, method: 'POST', url: `${path}/subscribe`, body: undefined } });
		}
		result = 'updated';
	}
	const profile = await send({
		...request,
		options: { ...request.options, method: 'GET', url: `/profiles/${encodeId(node, id, 'profile', itemIndex)}`, body: undefined, qs: {} },
	});
	return [{ json: { result, id, profile: profile[0].json }, pairedItem: { item: itemIndex } }];
}

export const upsertProfileOperation = defineOperation({
	value: 'upsert',
	name: 'Create or Update',
	// n8n's vetting requires its own text for an upsert's description, so the action (what the
	// node panel lists) says what the profile is found by.
	action: 'Create or update a profile found by email or phone',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	method: 'POST',
	path: '/profiles',
	preSend: [buildProfileBody(additionalFieldsOf('profile'), true)],
	flow: routedFlow(upsertProfile),
	fields: [matchBy, ...profileContactFields, profileAdditionalFields],
});
