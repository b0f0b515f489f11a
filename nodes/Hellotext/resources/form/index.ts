import type { INodeProperties } from 'n8n-workflow';

import { buildMetadata, mergeIntoBody, metadataFields } from '../../shared/commerce';
import { idLocator } from '../../shared/locators';
import { crudResource, requiredField, stringField } from '../../shared/crud';

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
const sendMetadata = (collection: 'additionalFields' | 'updateFields') =>
	mergeIntoBody(collection, (ctx, fields) => ({ metadata: buildMetadata(ctx, fields) }));

export const formProperties: INodeProperties[] = crudResource('form', {
	noun: 'form',
	plural: 'forms',
	path: '/attribution/forms',
	idField: formIdLocator,
	create: {
		fields: [requiredField(name)],
		options: metadataFields('form'),
		preSend: [sendMetadata('additionalFields')],
	},
	update: { options: [...metadataFields('form'), name], preSend: [sendMetadata('updateFields')] },
});
