import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locators';
import { booleanField, crudResource, named, requiredField, stringField } from '../../shared/crud';

const actionIdLocator = idLocator({
	name: 'actionId',
	displayName: 'Event Type',
	searchListMethod: 'searchActions',
	searchPlaceholder: 'Search by name…',
	description: 'The event type (custom action) to act on',
});

const name = named('actionName', requiredField(
	stringField(
		'Name',
		'name',
		'The name used in the action parameter when tracking an event, e.g. signup_form.completed. Duplicate names are not allowed.',
		{ placeholder: 'e.g. signup_form.completed' },
	),
));

const optional: INodeProperties[] = [
	booleanField(
		'Goal',
		'goal',
		'Whether events with this action count as a metric for KPIs in Campaigns and Journeys',
	),
	{
		...booleanField(
			'Passive',
			'passive',
			'Whether the action is passive: passive events do not move the conversation in the Inbox and show only in the Activity Trail',
		),
		default: true,
	},
	stringField(
		'Title',
		'title',
		'Human-friendly name used on Segments and Journeys; the name when not set',
	),
];

export const actionProperties: INodeProperties[] = crudResource('action', {
	noun: 'event type',
	plural: 'event types',
	listProperty: 'actions',
	path: '/attribution/actions',
	idField: actionIdLocator,
	create: {
		fields: [name],
		options: optional,
		description: 'Create an event type (a custom action in Hellotext) to track events with',
	},
	update: { fields: [name], options: optional },
});
