import { idLocator, named, required, textField } from '../../shared/fields';
import { crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { refuse } from '../../shared/refusals';
import { addToBody, type RequestStep } from '../../shared/request';

const appId = idLocator({
	name: 'appId',
	displayName: 'App',
	searchListMethod: 'searchApps',
	searchPlaceholder: 'Search by name…',
	description: 'The app to act on',
});

const name = textField('Name', 'name', 'name', 'The name of the application. Duplicate names are not allowed.');

const imageUrl = textField(
	'Image URL',
	'imageUrl',
	'image_url',
	'URL of the application icon in high resolution; Hellotext downloads and stores the image',
	{ placeholder: 'https://www.example.com/icon.png' },
);

/** "Remove Image" on: `image_url: null`, the reference's way to remove the image. */
const removeImage: RequestStep = (item, request) => {
	const fields = item.get<Record<string, unknown>>(updateFieldsOf('app'), {});
	if (fields.removeImage !== true) return;
	if (fields.imageUrl !== undefined) {
		refuse(item, '"Image URL" and "Remove Image" cannot be sent together', 'Set a new image URL or remove the image, not both.');
	}
	addToBody(request, { image_url: null });
};

export const app = defineResource(
	'App',
	'app',
	crud({
		resource: 'app',
		noun: 'app',
		plural: 'apps',
		path: '/attribution/apps',
		idField: appId,
		create: { fields: [named('appName', required(name))], options: [imageUrl] },
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
			steps: [removeImage],
		},
	}),
	'create',
);
