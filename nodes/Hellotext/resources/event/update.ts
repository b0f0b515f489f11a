import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { updateFieldsOf } from '../../shared/crud';
import { defineOperation } from '../../shared/descriptions';
import { readParameter } from '../../shared/parameters';
import {
	eventIdLocator,
	eventValueFields,
	profileField,
	sessionField,
	TRACKABLES,
	trackableLocator,
	updateProductsField,
	type Trackable,
} from './fields';
import { eventValues, locatorValue } from './values';

const UPDATABLE_OBJECTS: Trackable[] = ['app', 'form', 'order', 'product', 'refund'];

const updateFields: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'action',
		type: 'string',
		default: '',
		placeholder: 'e.g. order.confirmed',
		description: 'A built-in action (e.g. order.confirmed) or the name of a custom action',
	} as INodeProperties,
	...eventValueFields,
	...UPDATABLE_OBJECTS.map((name) => trackableLocator(name, `The ${name} this event is associated to`)),
	updateProductsField,
	{ ...profileField, description: 'The customer profile of the event' },
	{ ...sessionField, description: 'The session of the event' },
].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** The update body: only what was added to Update Fields, checked like Track checks it. */
async function buildUpdateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const fields = readParameter<IDataObject>(this, updateFieldsOf('event'), {});
	const body: IDataObject = {};
	const action = typeof fields.action === 'string' ? fields.action.trim() : '';
	if (action) body.action = action;
	for (const name of UPDATABLE_OBJECTS) {
		const id = locatorValue(fields[name]);
		if (id) body[TRACKABLES[name].api] = id;
	}
	const products = ((fields.products as IDataObject | undefined)?.identifiers ?? []) as Array<{ id?: unknown }>;
	const ids = products.map(({ id }) => locatorValue(id)).filter((id): id is string => id !== undefined);
	if (ids.length > 0) body.products = ids;
	const profile = locatorValue(fields.profile);
	if (profile) body.profile = profile;
	const session = locatorValue(fields.session);
	if (session) body.session = session;
	Object.assign(body, eventValues(node, fields, this.getTimezone(), itemIndex));
	request.body = body;
	return request;
}

export const updateEvent = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an event',
	description: 'Change a tracked event; only the fields you add are sent',
	method: 'PATCH',
	path: '/attribution/events/{eventId}',
	noun: 'event',
	preSend: [buildUpdateBody],
	fields: [
		eventIdLocator,
		{
			displayName: 'Update Fields',
			name: updateFieldsOf('event'),
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: updateFields,
		},
	],
});
