import type { INodeProperties } from 'n8n-workflow';

import { booleanField, idLocator, named, required, textField } from '../../shared/fields';
import { crud, defineResource } from '../../shared/operations';

/** An event type is what the API calls a custom action (`/attribution/actions`): what events are tracked as. */
const eventTypeId = idLocator({
	name: 'eventTypeId',
	displayName: 'Event Type',
	searchListMethod: 'searchEventTypes',
	searchPlaceholder: 'Search by name…',
	description: 'The event type (a custom action in Hellotext) to act on',
});

const eventTypeName = named(
	'eventTypeName',
	required(
		textField(
			'Name',
			'name',
			'name',
			'The name Event > Track uses for it, e.g. signup_form.completed. Must be unique and must not be a built-in event type’s.',
			{ placeholder: 'e.g. signup_form.completed' },
		),
	),
);

const optional: INodeProperties[] = [
	booleanField(
		'Goal',
		'goal',
		'goal',
		'Whether events of this type count as a conversion: a metric for KPIs in Campaigns and Journeys',
	),
	{
		...booleanField(
			'Passive',
			'passive',
			'passive',
			'Whether the event type is passive: passive events do not move the conversation up in the Inbox and show only in the Activity Trail (off marks it important)',
		),
		default: true,
	},
	textField('Title', 'title', 'title', 'Human-friendly name used on Segments and Journeys; the name when not set'),
];

export const eventType = defineResource(
	'Event Type',
	'eventType',
	crud({
		resource: 'eventType',
		noun: 'event type',
		plural: 'event types',
		listProperty: 'actions',
		path: '/attribution/actions',
		idField: eventTypeId,
		create: {
			fields: [eventTypeName],
			options: optional,
			description: 'Create an event type (a custom action in Hellotext) to track events with; needs its name',
		},
		update: { fields: [eventTypeName], options: optional },
		descriptions: {
			// The guides: the API refuses to delete an event type with tracked events (the reference says it deletes them).
			delete: 'Delete an event type by the event type’s ID; Hellotext refuses when events of that type were tracked',
		},
	}),
	'create',
);
