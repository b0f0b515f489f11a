import { idLocator, named, required, textField } from '../../shared/fields';
import { metadataInput } from '../../shared/inputs';
import { additionalFieldsOf, crud, defineResource, updateFieldsOf } from '../../shared/operations';
import { addToBody, type RequestStep } from '../../shared/request';

const formId = idLocator({
	name: 'formId',
	displayName: 'Form',
	searchListMethod: 'searchForms',
	searchPlaceholder: 'Search by name…',
	description: 'The form to act on',
});

const name = textField('Name', 'name', 'name', 'Any name for the form. Duplicate names are not allowed.', {
	placeholder: 'e.g. Sign-Up Form',
});

const metadata = metadataInput('form');

/** Metadata as name/value pairs or as JSON, sent as the `metadata` hash. */
const metadataOf =
	(collection: string): RequestStep =>
	(item, request) =>
		addToBody(request, { metadata: metadata.read(item, item.get(collection, {})) });

export const form = defineResource(
	'Form',
	'form',
	crud({
		resource: 'form',
		noun: 'form',
		plural: 'forms',
		path: '/attribution/forms',
		idField: formId,
		create: {
			fields: [named('formName', required(name))],
			options: metadata.fields,
			steps: [metadataOf(additionalFieldsOf('form'))],
		},
		update: { options: [...metadata.fields, name], steps: [metadataOf(updateFieldsOf('form'))] },
	}),
	'create',
);
