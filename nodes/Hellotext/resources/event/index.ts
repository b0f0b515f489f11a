import { crud, defineResource } from '../../shared/operations';
import { eventId } from './fields';
import { trackEvent } from './track';
import { updateEvent } from './update';

/** Tracked events: Track and Update have their own forms; Get, Delete and Get Many are the usual ones. */
export const event = defineResource(
	'Event',
	'event',
	[
		trackEvent,
		updateEvent,
		...crud({
			resource: 'event',
			noun: 'event',
			plural: 'events',
			path: '/attribution/events',
			idField: eventId,
			simplify: ['id', 'type', 'action', 'profile', 'session', 'amount', 'currency', 'trackable', 'tracked_at', 'created_at'],
			create: false,
			update: false,
		}),
	],
	'track',
);
