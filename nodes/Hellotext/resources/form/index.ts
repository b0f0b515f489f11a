import type { INodeProperties } from 'n8n-workflow';

import { buildMetadata, metadataFields, type BodyBuilder } from '../../shared/commerce';
import { idLocator } from '../../shared/locators';
import { crudResource, named, requiredField, stringField } from '../../shared/crud';

const formIdLocator = idLocator({
	name: 'formId',
	displayName: 'Form',
	searchListMethod: 'searchForms',
	searchPlaceholder: 'Search by name…',
	description: 'The form to act on',
});

const name = stringField('Name', 'name', 'Any name for the form. Duplicate names are not allowed.', {
	placeholder: 'e.g. Sign-Up Form',
});

/** Metadata as name/value pairs or as JSON, sent as the `metadata` hash. */
const metadataBody: BodyBuilder = (ctx, fields) => ({ metadata: buildMetadata(ctx, fields) });

export const formProperties: INodeProperties[] = crudResource('form', {
	noun: 'form',
	plural: 'forms',
	path: '/attribution/forms',
	idField: formIdLocator,
	create: {
		fields: [named('formName', requiredField(name))],
		options: metadataFields('form'),
		body: metadataBody,
	},
	update: { options: [...metadataFields('form'), name], body: metadataBody },
});
