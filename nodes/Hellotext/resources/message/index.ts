/**
 * Messages (`/v1/messages`), from Hellotext's developer guides: Send one SMS, WhatsApp, Instagram
 * or Mercado Libre message, and read the messages sent. The guides give no path for reading them:
 * `GET /v1/messages` and `GET /v1/messages/:id` are the careful reading (every other resource's
 * pattern), and their objects are passed on as the API returns them.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { encodeId } from '../../shared/encodeId';
import { fieldCollection, idLocator, profileLocator } from '../../shared/fields';
import { isBlank } from '../../shared/item';
import { additionalFieldsOf, crud, defineOperation, defineResource } from '../../shared/operations';
import { e164, httpUrl, refuse, requireText } from '../../shared/refusals';
import { bodyOf, type RequestStep } from '../../shared/request';
import type { Runner } from '../../shared/run';
import { shortLinkNames } from '../template/content';

const CHANNELS = [
	{ name: 'Instagram', value: 'instagram', description: 'To a profile whose customer wrote to the account first' },
	{ name: 'Mercado Libre', value: 'mercadolibre', description: 'To a profile' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsapp', description: 'Free text only within 24 hours of the customer’s last message; else a template' },
];
/** Channels that reach a customer through the profile only: no phone numbers. */
const PROFILE_ONLY = ['instagram', 'mercadolibre'];
const WITH_ATTACHMENTS = ['whatsapp', 'instagram', 'mercadolibre'];

/** What the error of a send whose answer was lost says to do (the guides: no idempotency key). */
const RECONCILE =
	'Hellotext may have sent it. Look for it in Message > Get Many or the Inbox before sending again; do not turn on Retry On Fail for sends.';

const fields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'sms',
		description: 'How the message is sent (the API’s technology)',
		options: CHANNELS,
	},
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		default: 'profile',
		options: [
			{ name: 'Profile', value: 'profile', description: 'A profile of the account' },
			{ name: 'Phone Number', value: 'phone', description: 'Any phone number: Hellotext finds its profile or creates one' },
		],
	},
	{
		...profileLocator('messageProfileId', 'The profile to send to'),
		displayOptions: { show: { sendTo: ['profile'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+12025550143',
		description: 'In E.164 format (+, country code, number); spaces, dashes, dots and parentheses are removed. SMS and WhatsApp only.',
		displayOptions: { show: { sendTo: ['phone'] } },
	},
	{
		displayName: 'Profile Phone Number',
		name: 'profilePhone',
		type: 'string',
		default: '',
		placeholder: '+12025550143',
		description: 'Which of the profile’s phone numbers to use (it must be on the profile already); empty uses the profile’s default',
		displayOptions: { show: { sendTo: ['profile'], channel: ['sms', 'whatsapp'] } },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		noDataExpression: true,
		default: 'text',
		options: [
			{ name: 'Text', value: 'text', description: 'Free text' },
			{ name: 'Template', value: 'template', description: 'One of the account’s templates (what WhatsApp needs outside its 24-hour window)' },
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The message. {shortlink:https://…} becomes a tracked short link.',
		displayOptions: { show: { content: ['text'] } },
	},
	{
		...idLocator({
			name: 'messageTemplateId',
			displayName: 'Template',
			searchListMethod: 'searchTemplates',
			searchPlaceholder: 'Search by name…',
			description: 'The template to send, shown with its channel and state; WhatsApp sends only approved ones',
		}),
		displayOptions: { show: { content: ['template'] } },
	},
	{
		displayName: 'Short Links',
		name: 'shortLinks',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Short Link',
		default: {},
		description: 'The URL of each named short link in the template’s body ({shortlink:NAME}); every one needs a URL',
		displayOptions: { show: { content: ['template'] } },
		options: [
			{
				displayName: 'Short Link',
				name: 'link',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTemplateShortLinkNames', loadOptionsDependsOn: ['messageTemplateId.value'] },
						default: '',
						description:
							'A short link of the template. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://shop.example.com/orders/55' },
				],
			},
		],
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description: 'Public files the message carries; Hellotext downloads them after accepting the send',
		displayOptions: { show: { channel: WITH_ATTACHMENTS } },
		options: [
			{
				displayName: 'Attachment',
				name: 'attachment',
				values: [{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://files.example.com/invoice.pdf' }],
			},
		],
	},
	...fieldCollection('Additional Fields', additionalFieldsOf('message'), [
		{
			displayName: 'Sender',
			name: 'sender',
			type: 'string',
			default: '',
			placeholder: '+12025550100',
			description:
				'Which of the business’s senders of the channel sends it (the API’s origin): its phone number in E.164, or the account’s identifier. Empty lets Hellotext pick one.',
		},
	]),
];

/** The recipient, the sender and the attachments: everything but the content. */
const recipient: RequestStep = (item, request) => {
	const channel = item.get<string>('channel');
	const body = bodyOf(request);
	body.technology = channel;
	const { sender } = item.get<IDataObject>(additionalFieldsOf('message'), {});
	if (!isBlank(sender) && String(sender).trim()) body.origin = String(sender).trim();
	if (item.get('sendTo') === 'phone') {
		if (PROFILE_ONLY.includes(channel)) {
			refuse(item, `${channel === 'instagram' ? 'Instagram' : 'Mercado Libre'} messages go to a profile, not to a phone number`, 'Set Send To to Profile.');
		}
		body.destination = e164(item, item.get('phoneNumber'), 'Phone Number');
	} else {
		body.profile = requireText(item, 'messageProfileId', 'Profile');
		const phone = PROFILE_ONLY.includes(channel) ? '' : item.get<string>('profilePhone', '');
		if (!isBlank(phone) && String(phone).trim()) body.destination = e164(item, phone, 'Profile Phone Number');
	}
	if (WITH_ATTACHMENTS.includes(channel)) {
		const rows = (item.get<IDataObject>('attachments', {})?.attachment ?? []) as Array<{ url?: string }>;
		const urls = rows.map((row, index) => httpUrl(item, row.url, `Attachments ${index + 1}`));
		if (urls.length) body.attachments = urls;
	}
	if (item.get('content') === 'text') {
		const text = String(item.get('text', '') ?? '');
		if (!text.trim()) refuse(item, '"Text" is required');
		body.body = text;
	}
};

/** The short links a template send gives: name to URL, each URL checked. */
function shortLinksOf(item: Parameters<RequestStep>[0]): Record<string, string> {
	const rows = (item.get<IDataObject>('shortLinks', {})?.link ?? []) as Array<{ name?: string; url?: string }>;
	const links: Record<string, string> = {};
	for (const [index, row] of rows.entries()) {
		const name = String(row.name ?? '').trim();
		if (!name) refuse(item, `"Short Links ${index + 1}" has no name`);
		if (!isBlank(row.url) && String(row.url).trim()) links[name] = httpUrl(item, row.url, `Short Link "${name}"`);
	}
	return links;
}

/**
 * A send: with a template, the template is read first (once per run) for its named short links;
 * a link without a URL is refused before anything is sent, and the template goes as its id, or as
 * `{id, shortlinks}` when it has named links. A send is never repeated after a 5xx or a dropped
 * connection (its outcome is unknown: see RECONCILE); a 429 is waited out and retried.
 */
const send: Runner = async ({ item, send: request, once }, prepared) => {
	const body = { ...prepared.body };
	let templateName: unknown;
	if (item.get('content') === 'template') {
		const id = requireText(item, 'messageTemplateId', 'Template');
		const template = await once(`template:${id}`, async () => {
			const answer = await request({ method: 'GET', url: `/templates/${encodeId(item, id, 'messageTemplateId')}`, qs: {}, target: `template "${id}"` });
			return answer.body as IDataObject;
		});
		templateName = template.name;
		const names = shortLinkNames(template.body);
		const links = shortLinksOf(item);
		const missing = names.filter((name) => links[name] === undefined);
		if (missing.length) {
			refuse(
				item,
				`The template "${String(template.name ?? id)}" needs a URL for its short link${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')}`,
				'Add it under Short Links; nothing was sent.',
			);
		}
		body.template = names.length ? { id, shortlinks: Object.fromEntries(names.map((name) => [name, links[name]])) } : id;
	}
	const answer = await request({ ...prepared, body, reconcile: RECONCILE });
	// The API answers {"status": "received"} and no id: the output says what was sent, to log and reconcile.
	const sent: IDataObject = {
		...(answer.body as IDataObject),
		channel: body.technology,
		profile: body.profile ?? null,
		phone: body.destination ?? null,
		sender: body.origin ?? null,
	};
	if (body.template !== undefined) {
		sent.template_id = typeof body.template === 'string' ? body.template : (body.template as IDataObject).id;
		sent.template_name = templateName ?? null;
	} else {
		sent.body_fingerprint = `sha256:${createHash('sha256').update(String(body.body)).digest('hex')}`;
	}
	sent.sent_at = Math.floor(Date.now() / 1000);
	return [sent];
};

const messageId = idLocator({
	name: 'messageId',
	displayName: 'Message',
	searchListMethod: 'searchMessages',
	description: 'The message, as Message > Get Many lists it (a send answers without an ID)',
});

export const message = defineResource(
	'Message',
	'message',
	[
		defineOperation({
			value: 'send',
			name: 'Send',
			action: 'Send a message',
			description:
				'Send one SMS, WhatsApp, Instagram or Mercado Libre message to a profile or a phone number, as text or a template; Hellotext accepts it for sending and answers without an ID',
			method: 'POST',
			path: '/messages',
			fields,
			steps: [recipient],
			run: send,
		}),
		...crud({
			resource: 'message',
			noun: 'message',
			plural: 'messages',
			path: '/messages',
			idField: messageId,
			create: false,
			update: false,
			remove: false,
			descriptions: {
				get: 'Retrieve a message by the message’s ID: its state (pending, dispatched, routed, delivered, error or failed) and times',
				getAll: 'List the messages sent and received; the API has no filters, and its first page may not hold the newest',
			},
		}),
	],
	'send',
);
