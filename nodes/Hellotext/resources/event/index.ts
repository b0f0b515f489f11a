import type { INodeProperties } from 'n8n-workflow';

import {
	deleteOperation,
	getManyOperation,
	getOperation,
	resourceProperties,
} from '../../shared/descriptions';
import { eventIdLocator } from './fields';
import { trackEvent } from './track';
import { updateEvent } from './update';

const crud = { noun: 'event', path: '/attribution/events', idField: eventIdLocator };

export const eventProperties: INodeProperties[] = resourceProperties(
	'event',
	[
		trackEvent,
		getOperation(crud),
		updateEvent,
		deleteOperation(crud),
		getManyOperation({ resource: 'event', plural: 'events', path: '/attribution/events', listProperty: 'events' }),
	],
	'track',
);
