// Sending messages (POST /v1/messages) and the messages sent, as Hellotext's developer guides
// describe them (the scraped reference has no such section). A send answers 200
// {"status":"received"} without an id; the message it stores starts `pending` and never moves on
// by itself (tests set `state` and the times on the stored object). It carries the text sent (a
// template's body with its named short links filled in) and not the template id, as the guides
// say listed messages do not.
import { invalid, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { E164, isHttpUrl } from './apps.ts';
import { renderShortlinks, shortlinkNames } from './templates.ts';

export const MESSAGE_TECHNOLOGIES = ['sms', 'whatsapp', 'instagram', 'mercadolibre'];
/** Channels without phone numbers: the customer is reached through the profile only. */
const PROFILE_ONLY = ['instagram', 'mercadolibre'];

const blank = (value: Json | undefined) => value === undefined || value === null || value === '';
const isHash = (value: Json | undefined): value is JsonObject => !!value && typeof value === 'object' && !Array.isArray(value);

export function registerMessages(sb: HellotextSandbox): void {
	/** The text a template send carries: the template's body, its named short links filled in. */
	const templateBody = (value: Json): string => {
		const id = typeof value === 'string' ? value : isHash(value) ? value.id : undefined;
		if (typeof id !== 'string' || id === '') throw invalid('template', 'The template must be a template id or a hash with its id and shortlinks.');
		const template = sb.find('templates', id);
		if (!template) throw invalid('template', `The template ${id} does not exist.`);
		const names = shortlinkNames(String(template.body));
		const given = isHash(value) ? value.shortlinks : undefined;
		if (given !== undefined && given !== null && !isHash(given)) throw invalid('template', 'The shortlinks must be a hash of name to URL.');
		if (names.length && !isHash(value)) {
			throw invalid('template', `The template has named short links (${names.join(', ')}): send {"id": "${id}", "shortlinks": {...}} with a URL for each.`);
		}
		const links: Record<string, string> = {};
		for (const name of names) {
			const url = isHash(given) ? given[name] : undefined;
			if (!isHttpUrl(url)) throw invalid('template', `The short link "${name}" needs a non-empty http(s) URL in template.shortlinks.`);
			links[name] = url;
		}
		return renderShortlinks(String(template.body), links);
	};

	sb.route('POST', '/v1/messages', ({ body }) => {
		const technology = body.technology;
		if (typeof technology !== 'string' || !MESSAGE_TECHNOLOGIES.includes(technology)) {
			throw invalid('technology', `Possible values are ${MESSAGE_TECHNOLOGIES.join(', ')}.`);
		}
		if (!blank(body.origin) && typeof body.origin !== 'string') throw invalid('origin', 'The origin must be a sender identifier of the technology.');

		// Who: a profile, a phone number, or a phone number of the profile.
		const destination = blank(body.destination) ? undefined : body.destination;
		if (destination !== undefined && (typeof destination !== 'string' || !E164.test(destination))) {
			throw invalid('destination', 'The destination must be a phone number in E.164, e.g. +12025550143.');
		}
		let profile: StoredObject | undefined;
		if (!blank(body.profile)) {
			profile = typeof body.profile === 'string' ? sb.find('profiles', body.profile) : undefined;
			if (!profile) throw invalid('profile', `The profile ${String(body.profile)} does not exist.`);
		} else if (destination === undefined) {
			throw invalid('destination', 'Send a profile or a destination phone number.');
		} else if (PROFILE_ONLY.includes(technology)) {
			throw invalid('destination', `${technology} messages need a profile: they are not sent to phone numbers.`);
		}
		const phones = (profile?.phones ?? []) as string[];
		if (profile && destination !== undefined && !phones.includes(destination)) {
			throw invalid('destination', `The destination ${destination} is not a phone number of the profile ${profile.id}.`);
		}

		// What: a template (the body is then ignored) or free text.
		let text: string;
		if (!blank(body.template)) text = templateBody(body.template as Json);
		else if (typeof body.body === 'string' && body.body.trim() !== '') text = body.body;
		else throw invalid('body', 'Send a body or a template.');

		let attachments: string[] = [];
		if (technology !== 'sms' && !blank(body.attachments)) {
			if (!Array.isArray(body.attachments) || !body.attachments.every(isHttpUrl)) {
				throw invalid('attachments', 'The attachments must be an array of public http(s) URLs.');
			}
			attachments = body.attachments as string[];
		}

		// Without a profile: the profile with that phone, or a new one.
		if (!profile) {
			profile = sb.collection('profiles').find((p) => ((p.phones ?? []) as string[]).includes(destination!));
			if (!profile) profile = sb.get('profiles', (sb.call('POST', '/v1/profiles', { phone: destination! }) as JsonObject).id as string);
		}
		// The phone used: the one given, else the profile's first; none on instagram / mercadolibre.
		const used = PROFILE_ONLY.includes(technology) ? null : (destination ?? ((profile.phones ?? []) as string[])[0] ?? null);
		sb.insert('messages', 'message', {
			state: 'pending',
			direction: 'outbound',
			technology,
			origin: blank(body.origin) ? null : (body.origin as string),
			destination: used,
			profile: profile.id,
			body: text,
			attachments,
			dispatched_at: null,
			delivered_at: null,
		});
		return { status: 'received' };
	});
	sb.route('GET', '/v1/messages', ({ query }) => {
		const { data, hasMore } = sb.page(sb.collection('messages'), query);
		return { messages: data, has_more: hasMore };
	});
	sb.route('GET', '/v1/messages/:id', ({ params }) => sb.get('messages', params.id, 'message'));
}
