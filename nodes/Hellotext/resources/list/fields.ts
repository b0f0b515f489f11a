import { idLocator } from '../../shared/locators';

/** A list by ID or by name: the API accepts either in the path. */
export const listIdLocator = idLocator({
	name: 'listId',
	displayName: 'List',
	searchListMethod: 'searchLists',
	searchPlaceholder: 'Search by name…',
	description: 'The list, by ID or by name (case-sensitive)',
	byName: true,
});
