import {
	NodeOperationError,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { defineOperation } from '../../shared/descriptions';
import { encodeId } from '../../shared/encodeId';
import { routedFlow, type Sender } from '../../shared/transport';
import { buildProfileBody } from './body';
import { emailOrPhone, profileAdditionalFields } from './fields';

const matchFields: INodeProperties[] = [
	emailOrPhone('matchBy', 'Match By', 'email', 'Which contact finds the existing profile'),
	{
		displayName: 'Email or Phone',
		name: 'matchValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'The email or phone to look for; a created profile gets it as its default',
	},
];

/**
 * Find by email or phone; update the one match, create when none, refuse when several match.
 * Creates answer only `{id}`, so the profile is read back to carry it in the output.
 */
async function upsertProfile(
	this: IExecutePaginationFunctions,
	send: Sender,
	request: Parameters<Parameters<typeof routedFlow>[0]>[1],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const matchBy = this.getNodeParameter('matchBy', 'email') as 'email' | 'phone';
	const matchValue = String(this.getNodeParameter('matchValue', '')).trim();
	if (!matchValue) {
		throw new NodeOperationError(node, '"Email or Phone" is empty: give the contact to match on', { itemIndex });
	}
	const body = { ...((request.options.body as IDataObject) ?? {}) };
	if (body[matchBy] !== undefined && body[matchBy] !== matchValue) {
		throw new NodeOperationError(node, `"${matchBy === 'email' ? 'Email' : 'Phone'}" under Additional Fields conflicts with the value to match on`, { itemIndex });
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
		const { subscribe, ...changes } = body;
		const path = `/profiles/${encodeId(node, id, 'profile', itemIndex)}`;
		if (Object.keys(changes).length > 0) {
			await send({ ...request, options: { ...request.options, method: 'PATCH', url: path, body: changes } });
		}
		// Update takes no `subscribe`; the subscription has its own endpoint.
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
	action: 'Create or update a profile',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	method: 'POST',
	path: '/profiles',
	preSend: [buildProfileBody('additionalFields')],
	flow: routedFlow(upsertProfile),
	fields: [...matchFields, profileAdditionalFields],
});
