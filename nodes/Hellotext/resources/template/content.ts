/**
 * A template's content (Hellotext's developer guides; the API reference has no templates): the
 * fields that build it and the checks Meta's limits make, before anything is sent. The content is
 * always sent whole: a PATCH of a template clears what it does not carry (see Update).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isBlank, type Item } from '../../shared/item';
import { e164, httpUrl, maxLength, refuse } from '../../shared/refusals';

/** The channels a template is for (the API's `technology`); `any` is a template value only. */
export const TEMPLATE_CHANNELS = [
	{ name: 'Any Channel', value: 'any', description: 'SMS and WhatsApp; WhatsApp reviews it first' },
	{ name: 'SMS', value: 'sms', description: 'A body only' },
	{ name: 'WhatsApp', value: 'whatsapp', description: 'Reviewed by Meta before it can be sent' },
];

/** The guides' limits (characters), checked before sending. */
export const LIMITS = { body: 1024, header: 60, footer: 160, buttons: 10, buttonText: 25, url: 2, phone: 1, copy: 1 } as const;

const BUTTON_TYPES = [
	{ name: 'Copy Code', value: 'copy' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'Quick Reply', value: 'quick_reply' },
	{ name: 'URL', value: 'url' },
];

/**
 * The names of a body's named dynamic short links: `{shortlink:NAME}` where NAME is not itself a
 * URL (`{shortlink:https://…}` is a static link, the same for everyone: nothing to supply).
 */
export function shortLinkNames(body: unknown): string[] {
	const names: string[] = [];
	for (const [, name] of String(body ?? '').matchAll(/\{shortlink:([^}]*)\}/g)) {
		const trimmed = name.trim();
		if (!/^https?:\/\//i.test(trimmed) && !names.includes(trimmed)) names.push(trimmed);
	}
	return names;
}

export const categoryField: INodeProperties = {
	displayName: 'Category',
	name: 'category',
	type: 'options',
	default: 'utility',
	description: 'What WhatsApp reviews it as; Meta may reclassify it',
	options: [
		{ name: 'Marketing', value: 'marketing', description: 'A promotion or re-engagement' },
		{ name: 'Utility', value: 'utility', description: 'An expected update about an order, an account or a booking' },
	],
};

/** The components besides the body: what a WhatsApp (or Any Channel) template may have. */
export const componentFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: `At most ${LIMITS.buttons}: ${LIMITS.url} URL, ${LIMITS.phone} phone and ${LIMITS.copy} copy-code buttons at the most; a button text has at most ${LIMITS.buttonText} characters. WhatsApp only.`,
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Code to Copy',
						name: 'copy',
						type: 'string',
						default: '',
						placeholder: 'e.g. SAVE10',
						displayOptions: { show: { type: ['copy'] } },
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: '+12025550143',
						displayOptions: { show: { type: ['phone'] } },
					},
					{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'What the button says' },
					{ displayName: 'Type', name: 'type', type: 'options', default: 'quick_reply', options: BUTTON_TYPES },
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://shop.example.com/orders',
						displayOptions: { show: { type: ['url'] } },
					},
				],
			},
		],
	},
	categoryField,
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: `A line under the body, at most ${LIMITS.footer} characters. WhatsApp only.`,
	},
	{
		displayName: 'Header Attachment URL',
		name: 'headerAttachmentUrl',
		type: 'string',
		default: '',
		placeholder: 'https://files.example.com/menu.pdf',
		description: 'A public file shown above the body; Hellotext downloads and stores it. WhatsApp only; not with Header Text.',
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: `A title above the body, at most ${LIMITS.header} characters. WhatsApp only; Hellotext stores it but does not send it to Meta (the guides), so put what matters in the body.`,
	},
];

interface Button {
	type?: string;
	text?: string;
	url?: string;
	phone?: string;
	copy?: string;
}

/** Buttons from their rows, each checked: its text, its value, the limits per type. */
function readButtons(item: Item, rows: Button[]): IDataObject[] {
	if (rows.length > LIMITS.buttons) refuse(item, `"Buttons" has ${rows.length} buttons: at most ${LIMITS.buttons} are allowed`);
	const counts: Record<string, number> = {};
	const buttons = rows.map((row, index) => {
		const label = `Buttons ${index + 1}`;
		const type = row.type ?? 'quick_reply';
		const text = String(row.text ?? '').trim();
		if (!text) refuse(item, `"${label}" has no text`);
		maxLength(item, text, LIMITS.buttonText, `${label} Text`);
		const button: IDataObject = { type, text };
		if (type === 'url') button.url = httpUrl(item, row.url, `${label} URL`);
		if (type === 'phone') button.phone = e164(item, row.phone, `${label} Phone`);
		if (type === 'copy') {
			if (isBlank(row.copy) || !String(row.copy).trim()) refuse(item, `"${label}" has no code to copy`);
			button.copy = String(row.copy).trim();
		}
		counts[type] = (counts[type] ?? 0) + 1;
		return button;
	});
	for (const [type, kind] of [['url', 'URL'], ['phone', 'phone'], ['copy', 'copy-code']] as const) {
		if ((counts[type] ?? 0) > LIMITS[type]) {
			refuse(item, `"Buttons" has ${counts[type]} ${kind} buttons: at most ${LIMITS[type]} ${LIMITS[type] > 1 ? 'are' : 'is'} allowed`);
		}
	}
	return buttons;
}

/** A whole template's content, as the API takes it. */
export interface TemplateContent extends IDataObject {
	technology: string;
	category?: string | null;
	body: string;
	header?: IDataObject | null;
	footer?: string | null;
	buttons?: IDataObject[];
}

/**
 * The content from what the fields say (`values`: channel, body and the components), checked: the
 * body's length and edges, an SMS template's body only, the header, footer and button limits.
 */
export function checkedContent(item: Item, values: IDataObject): TemplateContent {
	const technology = String(values.channel ?? 'any');
	const body = String(values.body ?? '');
	if (!body.trim()) refuse(item, '"Body" is required');
	const content: TemplateContent = { technology, body };
	if (values.category !== undefined) content.category = values.category as string | null;
	const header = headerOf(item, values);
	const footer = isBlank(values.footer) ? null : String(values.footer);
	const rows = ((values.buttons as { button?: Button[] } | undefined)?.button ?? []) as Button[];
	if (technology === 'sms') {
		// The guides: an SMS template is a body only (the API answers 422 otherwise).
		const extra = [header && 'a header', footer && 'a footer', rows.length > 0 && 'buttons'].filter(Boolean);
		if (extra.length) refuse(item, `An SMS template takes a body only: remove ${extra.join(', ')}`, 'Or make it a WhatsApp (or Any Channel) template.');
		return content;
	}
	maxLength(item, body, LIMITS.body, 'Body');
	// The guides: a WhatsApp body must not begin or end with a property tag standing alone.
	if (/^\s*\{(?!shortlink:)[^}]+\}/.test(body) || /\{(?!shortlink:)[^}]+\}\s*$/.test(body)) {
		refuse(item, '"Body" begins or ends with a property tag: WhatsApp refuses such templates', 'Put some text around it, e.g. "Hello {first_name}, …".');
	}
	if (header?.type === 'text') maxLength(item, header.text, LIMITS.header, 'Header Text');
	maxLength(item, footer, LIMITS.footer, 'Footer');
	return { ...content, header, footer, buttons: readButtons(item, rows) };
}

function headerOf(item: Item, values: IDataObject): IDataObject | null {
	const text = isBlank(values.headerText) ? '' : String(values.headerText);
	const attachment = isBlank(values.headerAttachmentUrl) ? '' : String(values.headerAttachmentUrl).trim();
	if (text && attachment) refuse(item, '"Header Text" and "Header Attachment URL" cannot be sent together', 'A template has one header.');
	if (text) return { type: 'text', text };
	if (attachment) return { type: 'attachment', attachment_url: httpUrl(item, attachment, 'Header Attachment URL') };
	return null;
}

/** What the fields of a stored template's content are, to merge changes into (Update). */
export function valuesOf(template: IDataObject): IDataObject {
	const header = (template.header ?? null) as IDataObject | null;
	return {
		channel: template.technology,
		category: template.category ?? undefined,
		body: template.body,
		headerText: header?.type === 'text' ? header.text : '',
		headerAttachmentUrl: header && header.type !== 'text' ? header.attachment_url : '',
		footer: template.footer ?? '',
		buttons: { button: ((template.buttons ?? []) as Button[]).map((button) => ({ ...button })) },
	};
}
