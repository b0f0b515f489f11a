import { idLocator, named, profileLocator, required, sendAs, textField } from '../../shared/fields';
import { crud, defineOperation, defineResource } from '../../shared/operations';

/** A list by ID or by name: the API accepts either in the path. */
const listId = idLocator({
	name: 'listId',
	displayName: 'List',
	searchListMethod: 'searchLists',
	searchPlaceholder: 'Search by name…',
	description: 'The list, by ID or by name (case-sensitive)',
	byName: true,
});

const listName = named(
	'listName',
	required(
		textField('Name', 'name', 'name', 'Name of the list. Duplicate names (ignoring case) are not allowed.', {
			placeholder: 'e.g. VIP customers',
		}),
	),
);

// No `noun`: a 404 may be about the list or the profile, and the API's message says which.
const membership = [
	{
		value: 'addProfile',
		name: 'Add Profile',
		action: 'Add a profile to a list',
		description: 'Add a profile to a list, if it is not in it already; needs the list’s ID or name and the profile’s ID, returns the profile',
		method: 'POST' as const,
	},
	{
		value: 'removeProfile',
		name: 'Remove Profile',
		action: 'Remove a profile from a list',
		description: 'Remove a profile from a list, if it is in it; needs the list’s ID or name and the profile’s ID, returns the profile',
		method: 'DELETE' as const,
	},
].map((spec) =>
	defineOperation({
		...spec,
		path: '/lists/{listId}/profiles/{listProfileId}',
		fields: [listId, profileLocator('listProfileId', 'The profile to add to or remove from the list')],
	}),
);

export const list = defineResource(
	'List',
	'list',
	[
		...crud({
			resource: 'list',
			noun: 'list',
			plural: 'lists',
			path: '/lists',
			idField: listId,
			create: { fields: [listName] },
			update: { fields: [listName] },
			filters: [
				{
					displayName: 'Name Starts With',
					name: 'nameStartsWith',
					type: 'string',
					default: '',
					description: 'Only lists whose name starts with this text',
					routing: sendAs('name', 'query'),
				},
			],
		}),
		...membership,
	],
	'create',
);
