import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { additionalFieldsOf, requireFilled, updateFieldsOf } from '../../shared/crud';
import { readParameter } from '../../shared/parameters';

/** Kinds whose properties belong to one profile: `profile` is required for them, refused for others. */
export const PROFILE_KINDS = ['address', 'email', 'phone'];
/** Kinds the reference says cannot be unique (among those Create accepts). */
const NEVER_UNIQUE_KINDS = ['checkbox', 'date', 'tags'];

function checkName(ctx: IExecuteSingleFunctions, name: unknown) {
	if (typeof name !== 'string' || name === '') return;
	const problem = /^\d/.test(name)
		? 'cannot start with a number'
		: /[{}]/.test(name)
			? 'cannot contain curly brackets'
			: undefined;
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `"Name" ${problem}`, {
			itemIndex: ctx.getItemIndex(),
			description: `Hellotext refuses property names like "${name}".`,
		});
	}
}

/** The rules of Create a property that can be checked before sending. */
export async function checkCreate(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const kind = String(readParameter(this, 'kind', ''));
	const fields = readParameter<IDataObject>(this, additionalFieldsOf('property'), {});
	const fail = (message: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex() });
	const body = (request.body ?? {}) as IDataObject;
	if (PROFILE_KINDS.includes(kind)) {
		await requireFilled('propertyProfileId', 'Profile', ` for a property of kind ${kind}`).call(this, request);
	} else {
		// Only address, email and phone properties can belong to a profile.
		delete body.profile;
	}
	if (fields.unique === true && NEVER_UNIQUE_KINDS.includes(kind)) {
		throw fail(`"Unique" is not possible for a property of kind ${kind}`);
	}
	checkName(this, fields.name);
	return request;
}

/** Update: the name rules, and Move to Bottom (`position: ''`) instead of a position. */
export async function checkUpdate(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const fields = readParameter<IDataObject>(this, updateFieldsOf('property'), {});
	checkName(this, fields.name);
	if (fields.moveToBottom === true) {
		if (fields.position !== undefined) {
			throw new NodeOperationError(this.getNode(), '"Position" and "Move to Bottom" cannot be sent together', {
				itemIndex: this.getItemIndex(),
			});
		}
		request.body = { ...((request.body as IDataObject) ?? {}), position: '' };
	}
	return request;
}
