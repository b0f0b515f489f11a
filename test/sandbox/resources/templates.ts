// Message templates (/v1/templates), as Hellotext's developer guides describe them (the scraped
// reference has no such section): technology sms, whatsapp or any (the default), category
// marketing or utility, a body, and for WhatsApp (whatsapp, any) a header, a footer and buttons
// within Meta's limits. SMS templates are approved at once; the others wait for Meta's review
// (`pending`; tests move them on by setting `state` on the stored object). PATCH is destructive,
// as the guides warn: the template becomes exactly what the body says. DELETE answers 202 with
// no body.
import { ApiError, invalid, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { E164, isHttpUrl } from './apps.ts';

export const TEMPLATE_TECHNOLOGIES = ['sms', 'whatsapp', 'any'];
export const TEMPLATE_CATEGORIES = ['marketing', 'utility'];
export const BUTTON_TYPES = ['quick_reply', 'url', 'phone', 'copy'];

/** Meta's limits, as the guides give them (characters). */
export const LIMITS = { body: 1024, header: 60, footer: 160, buttons: 10, buttonText: 25, url: 2, phone: 1, copy: 1 };

/** The value field each button type needs. */
const BUTTON_VALUE: Record<string, string> = { url: 'url', phone: 'phone', copy: 'copy' };

/** Length in characters (code points), as a person counts them. */
export const chars = (text: string) => [...text].length;

const isHash = (value: Json | undefined): value is JsonObject => !!value && typeof value === 'object' && !Array.isArray(value);
const absent = (value: Json | undefined) => value === undefined || value === null;

/**
 * The names of a body's named dynamic short links: `{shortlink:NAME}` where NAME is not itself a
 * URL (`{shortlink:https://…}` is a static link: the same target for everyone, nothing to supply).
 */
export function shortlinkNames(body: string): string[] {
	const names: string[] = [];
	for (const [, name] of body.matchAll(/\{shortlink:([^}]*)\}/g)) {
		const trimmed = name.trim();
		if (!isHttpUrl(trimmed) && !names.includes(trimmed)) names.push(trimmed);
	}
	return names;
}

/** The body with each named dynamic short link replaced by its URL (static links stay as written). */
export function renderShortlinks(body: string, links: Record<string, string>): string {
	return body.replace(/\{shortlink:([^}]*)\}/g, (whole, name: string) => links[name.trim()] ?? whole);
}

const notUniqueName = () =>
	new ApiError(422, 'parameter_not_unique', 'The value must be unique and it is already present in another object of the same type.', 'name');

function readHeader(value: Json | undefined): JsonObject | null {
	if (absent(value)) return null;
	if (!isHash(value)) throw invalid('header', 'The header must be a hash with a type.');
	if (value.type === 'text') {
		if (typeof value.text !== 'string' || value.text.trim() === '') throw invalid('header', 'A text header needs its text.');
		if (chars(value.text) > LIMITS.header) throw invalid('header', `A text header can have at most ${LIMITS.header} characters.`);
		return { type: 'text', text: value.text };
	}
	if (value.type === 'attachment') {
		if (!isHttpUrl(value.attachment_url)) throw invalid('header', 'An attachment header needs an attachment_url: a public http(s) URL.');
		return { type: 'attachment', attachment_url: value.attachment_url };
	}
	throw invalid('header', 'Possible header types are text and attachment.');
}

function readFooter(value: Json | undefined): string | null {
	if (absent(value) || value === '') return null;
	if (typeof value !== 'string') throw invalid('footer', 'The footer must be a text.');
	if (chars(value) > LIMITS.footer) throw invalid('footer', `The footer can have at most ${LIMITS.footer} characters.`);
	return value;
}

function readButtons(value: Json | undefined): JsonObject[] {
	if (absent(value)) return [];
	if (!Array.isArray(value)) throw invalid('buttons', 'Expected an array of buttons.');
	if (value.length > LIMITS.buttons) throw invalid('buttons', `A template can have at most ${LIMITS.buttons} buttons.`);
	const counts: Record<string, number> = {};
	const buttons = value.map((entry, i) => {
		const which = `Button ${i + 1}`;
		if (!isHash(entry)) throw invalid('buttons', `${which} must be a hash with a type and a text.`);
		const type = entry.type;
		if (typeof type !== 'string' || !BUTTON_TYPES.includes(type)) throw invalid('buttons', `${which}: possible types are ${BUTTON_TYPES.join(', ')}.`);
		if (typeof entry.text !== 'string' || entry.text.trim() === '') throw invalid('buttons', `${which} needs its text.`);
		if (chars(entry.text) > LIMITS.buttonText) throw invalid('buttons', `${which}: a button text can have at most ${LIMITS.buttonText} characters.`);
		const button: JsonObject = { type, text: entry.text };
		const field = BUTTON_VALUE[type];
		if (field) {
			const given = entry[field];
			const ok = type === 'url' ? isHttpUrl(given) : type === 'phone' ? typeof given === 'string' && E164.test(given) : typeof given === 'string' && given.trim() !== '';
			if (!ok) throw invalid('buttons', `${which}: a ${type} button needs its ${field}${type === 'url' ? ' (an http(s) URL)' : type === 'phone' ? ' (E.164)' : ''}.`);
			button[field] = given as string;
		}
		counts[type] = (counts[type] ?? 0) + 1;
		return button;
	});
	for (const type of ['url', 'phone', 'copy'] as const) {
		if ((counts[type] ?? 0) > LIMITS[type]) throw invalid('buttons', `A template can have at most ${LIMITS[type]} ${type} button${LIMITS[type] > 1 ? 's' : ''}.`);
	}
	return buttons;
}

export function registerTemplates(sb: HellotextSandbox): void {
	const all = () => sb.collection('templates');

	/**
	 * The whole content of a template from a Create or Update body. Omitted technology is `any`;
	 * omitted category is null on Create and `marketing` on Update (the guides' warning).
	 */
	const content = (body: JsonObject, current?: StoredObject): JsonObject => {
		let name = current?.name as Json;
		if (!current || body.name !== undefined) {
			if (typeof body.name !== 'string' || body.name.trim() === '') throw invalid('name', 'The template needs a name.');
			const lower = body.name.toLowerCase();
			if (all().some((t) => t !== current && String(t.name).toLowerCase() === lower)) throw notUniqueName();
			name = body.name;
		}
		const technology = absent(body.technology) ? 'any' : body.technology;
		if (typeof technology !== 'string' || !TEMPLATE_TECHNOLOGIES.includes(technology)) {
			throw invalid('technology', `Possible values are ${TEMPLATE_TECHNOLOGIES.join(', ')}.`);
		}
		const category = absent(body.category) ? (current ? 'marketing' : null) : body.category;
		if (category !== null && (typeof category !== 'string' || !TEMPLATE_CATEGORIES.includes(category))) {
			throw invalid('category', `Possible values are ${TEMPLATE_CATEGORIES.join(', ')}.`);
		}
		if (typeof body.body !== 'string' || body.body.trim() === '') throw invalid('body', 'The template needs a body.');
		if (technology === 'sms') {
			// SMS templates are a body only.
			if (!absent(body.header)) throw invalid('header', 'SMS templates have no header.');
			if (!absent(body.footer) && body.footer !== '') throw invalid('footer', 'SMS templates have no footer.');
			if (!absent(body.buttons) && !(Array.isArray(body.buttons) && body.buttons.length === 0)) throw invalid('buttons', 'SMS templates have no buttons.');
			return { name, technology, category, header: null, body: body.body, footer: null, buttons: [] };
		}
		if (chars(body.body) > LIMITS.body) throw invalid('body', `A WhatsApp body can have at most ${LIMITS.body} characters.`);
		return { name, technology, category, header: readHeader(body.header), body: body.body, footer: readFooter(body.footer), buttons: readButtons(body.buttons) };
	};

	sb.route('POST', '/v1/templates', ({ body }) => {
		const fields = content(body);
		const template = sb.insert('templates', 'template', { ...fields, state: fields.technology === 'sms' ? 'approved' : 'pending' });
		return { status: 201, body: template };
	});
	sb.route('GET', '/v1/templates', ({ query }) => {
		const { data, hasMore } = sb.page(all(), query);
		return { templates: data, has_more: hasMore };
	});
	sb.route('GET', '/v1/templates/:id', ({ params }) => sb.get('templates', params.id, 'template'));
	sb.route('PATCH', '/v1/templates/:id', ({ params, body }) => {
		const template = sb.get('templates', params.id, 'template');
		const fields = content(body, template);
		let state = template.state as Json;
		if (fields.technology === 'sms') state = 'approved';
		// A new WhatsApp version (changed body, or an SMS template turned WhatsApp) goes back to review.
		else if (fields.body !== template.body || template.technology === 'sms') state = 'pending';
		Object.assign(template, fields, { state });
		return template;
	});
	sb.route('DELETE', '/v1/templates/:id', ({ params }) => {
		sb.remove('templates', params.id, 'template');
		return { status: 202, body: undefined };
	});
}
