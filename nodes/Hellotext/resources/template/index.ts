/**
 * Message templates (`/v1/templates`), from Hellotext's developer guides. A WhatsApp template is
 * reviewed by Meta (state pending, approved, rejected); an SMS one is approved at once.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fieldCollection, idLocator, required, sendAs } from '../../shared/fields';
import { additionalFieldsOf, crud, defineOperation, defineResource, updateFieldsOf } from '../../shared/operations';
import type { RequestStep } from '../../shared/request';
import type { Runner } from '../../shared/run';
import { categoryField, checkedContent, componentFields, TEMPLATE_CHANNELS, valuesOf } from './content';

export const templateId = idLocator({
	name: 'templateId',
	displayName: 'Template',
	searchListMethod: 'searchTemplates',
	searchPlaceholder: 'Search by name…',
	description: 'The template to act on',
});

const channel = (name: string): INodeProperties => ({
	displayName: 'Channel',
	name,
	type: 'options',
	default: 'whatsapp',
	description: 'The channel the template is for; the node always sends it (the API would fall back to Any Channel)',
	options: TEMPLATE_CHANNELS,
});

const bodyField = (name: string, description: string): INodeProperties => ({
	displayName: 'Body',
	name,
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'Hello {first_name}, your order is ready: {shortlink:tracking}',
	description,
});

const bodyHint =
	'Property tags such as {first_name} are filled in per profile; {shortlink:NAME} is a link whose URL each send gives (Message > Send), {shortlink:https://…} one link for everyone. At most 1,024 characters for WhatsApp.';

/** Create: the channel, the body and the components, checked as one content. */
const createContent: RequestStep = (item, request) => {
	const values = item.get<IDataObject>(additionalFieldsOf('template'), {});
	const channelValue = item.get<string>('templateChannel');
	const content = checkedContent(item, {
		...values,
		channel: channelValue,
		category: channelValue === 'sms' ? undefined : item.get('templateCategory'),
		body: item.get('templateBody'),
	});
	request.body = { ...request.body, ...content };
};

/**
 * Update keeps what you don't change. A PATCH of a template clears the components it does not
 * carry and resets category and channel (the guides), so Update reads the template first and sends
 * its whole content with the changes: two requests.
 */
const updateKeepingTheRest: Runner = async ({ item, send }, request) => {
	const current = (await send({ method: 'GET', url: request.url, qs: {}, target: request.target })).body as IDataObject;
	const changes = item.get<IDataObject>(updateFieldsOf('template'), {});
	const merged = { ...valuesOf(current), ...changes };
	if (changes.removeAllButtons === true) merged.buttons = {};
	const content = checkedContent(item, merged);
	const updated = await send({ ...request, body: content });
	return [updated.body as IDataObject];
};

export const template = defineResource(
	'Template',
	'template',
	[
		...crud({
			resource: 'template',
			noun: 'template',
			plural: 'templates',
			path: '/templates',
			idField: templateId,
			create: {
				description:
					'Create a message template; needs its name, channel and body. A WhatsApp template can be sent once Meta approves it (its state).',
				fields: [
					required({
						displayName: 'Name',
						name: 'templateName',
						type: 'string',
						default: '',
						description: 'A stable name, unique in the business (WhatsApp templates are not renamed: create a new one)',
						routing: sendAs('name'),
					}),
					channel('templateChannel'),
					// The guides: set the category explicitly on WhatsApp templates.
					{ ...categoryField, name: 'templateCategory', displayOptions: { show: { templateChannel: ['whatsapp', 'any'] } } },
					required(bodyField('templateBody', bodyHint)),
				],
				options: componentFields.filter((field) => field.name !== 'category'),
				steps: [createContent],
			},
			update: false,
			descriptions: { delete: 'Retire a template by the template’s ID (its sending history is kept)' },
		}),
		defineOperation({
			value: 'update',
			name: 'Update',
			action: 'Update a template',
			description:
				'Change a template by the template’s ID, keeping what you don’t change: it reads the template, then sends its whole content with your changes (two requests)',
			method: 'PATCH',
			path: '/templates/{templateId}',
			noun: 'template',
			run: updateKeepingTheRest,
			fields: [
				templateId,
				...fieldCollection(
					'Update Fields',
					updateFieldsOf('template'),
					[
						channel('channel'),
						bodyField('body', bodyHint),
						...componentFields,
						{
							displayName: 'Remove All Buttons',
							name: 'removeAllButtons',
							type: 'boolean',
							default: false,
							description: 'Whether to remove every button of the template',
						},
					],
					'Only what you add changes; the rest is read from the template and sent as it is. An added Header Text, Header Attachment URL or Footer left empty removes it; Buttons replace all buttons.',
				),
			],
		}),
	],
	'create',
);

