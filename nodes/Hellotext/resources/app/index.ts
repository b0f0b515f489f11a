import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locators';
import { crudResource, named, requiredField, stringField } from '../../shared/crud';
import { removeImage } from './removeImage';

const appIdLocator = idLocator({
	name: 'appId',
	displayName: 'App',
	searchListMethod: 'searchApps',
	searchPlaceholder: 'Search by name…',
	description: 'The app to act on',
});

const name = stringField('Name', 'name', 'The name of the application. Duplicate names are not allowed.');

const imageUrl = stringField(
	'Image URL',
	'image_url',
	'URL of the application icon in high resolution; Hellotext downloads and stores the image',
	{ placeholder: 'https://www.example.com/icon.png' },
);

export const appProperties: INodeProperties[] = crudResource('app', {
	noun: 'app',
	plural: 'apps',
	path: '/attribution/apps',
	idField: appIdLocator,
	create: { fields: [named('appName', requiredField(name))], options: [imageUrl] },
	update: {
		options: [
			imageUrl,
			name,
			{
				displayName: 'Remove Image',
				name: 'removeImage',
				type: 'boolean',
				default: false,
				description: 'Whether to remove the attached image (sends image_url: null)',
			},
		],
		preSend: [removeImage],
	},
});
