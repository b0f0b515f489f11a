import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fieldCollection, sortByDisplayName } from '../../shared/fields';
import { locatorValue } from '../../shared/item';
import { defineOperation, updateFieldsOf } from '../../shared/operations';
import type { RequestStep } from '../../shared/request';
import {
	eventId,
	eventValueFields,
	finishEventBody,
	productIdentifiersOf,
	profileField,
	sessionField,
	TRACKABLES,
	trackableLocator,
	updateProducts,
	type Trackable,
} from './fields';

const UPDATABLE_OBJECTS: Trackable[] = ['app', 'form', 'order', 'product', 'refund'];

const updateFields: INodeProperties[] = sortByDisplayName([
	{
		displayName: 'Event Type',
		name: 'eventType',
		type: 'string',
		default: '',
		placeholder: 'e.g. order.confirmed',
		description: 'A built-in event type (e.g. order.confirmed) or the name of one of the account’s own',
	},
	...eventValueFields,
	...UPDATABLE_OBJECTS.map((name) => trackableLocator(name, `The ${name} this event is associated to`)),
	updateProducts,
	{ ...profileField, description: 'The customer profile of the event' },
	{ ...sessionField, description: 'The session of the event' },
]);

/** The update body: only what was added to Update Fields, checked as Track checks it. */
const updateBody: RequestStep = (item, request) => {
	const values = item.get<IDataObject>(updateFieldsOf('event'), {});
	const body: IDataObject = {};
	const eventType = locatorValue(values.eventType);
	if (eventType) body.action = eventType;
	for (const name of UPDATABLE_OBJECTS) {
		const id = locatorValue(values[name]);
		if (id) body[TRACKABLES[name].api] = id;
	}
	const products = productIdentifiersOf(item, values.products);
	if (products.length > 0) body.products = products;
	request.body = finishEventBody(item, body, { profile: values.profile, session: values.session, required: false }, values);
};

export const updateEvent = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an event',
	description: 'Change a tracked event by the event’s ID; only the fields you add are sent',
	method: 'PATCH',
	path: '/attribution/events/{eventId}',
	noun: 'event',
	steps: [updateBody],
	fields: [eventId, ...fieldCollection('Update Fields', updateFieldsOf('event'), updateFields)],
});
