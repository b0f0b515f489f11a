import { ApiError, invalid, missing, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { findOrCreateList, listSummary } from './lists.ts';

type Kind = 'email' | 'phone' | 'address';
interface ContactProperty extends JsonObject {
	id: string;
	kind: string;
	name: string | null;
	value: Json;
}

let activityClock = 0;

export function registerProfiles(sb: HellotextSandbox): void {
	const props = (p: StoredObject) => p.properties as ContactProperty[];

	const refresh = (profile: StoredObject) => {
		const values = (kind: Kind, verifiedOnly = false) =>
			props(profile)
				.filter((p) => p.kind === kind && (!verifiedOnly || p.verified === true))
				.map((p) => p.value as string);
		profile.emails = values('email');
		profile.phones = values('phone');
		profile.verified_emails = values('email', true);
		profile.verified_phones = values('phone', true);
		profile._activity = ++activityClock;
	};

	const setContact = (profile: StoredObject, kind: Kind, name: string | null, value: Json, byId?: string) => {
		const list = props(profile);
		const existing = byId ? list.find((p) => p.id === byId) : list.find((p) => p.kind === kind && p.name === name);
		if (byId && !existing) throw new ApiError(422, 'undefined_property', 'You tried to set a property on a profile that did not exist.', `${kind}[${byId}]`);
		if (value === '' || value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) {
			if (existing) list.splice(list.indexOf(existing), 1);
			return;
		}
		if (kind === 'phone' && typeof value === 'string' && !/^\+?[\d\s-]{6,}$/.test(value)) throw invalid('phone', 'The phone number is not valid.');
		if (kind === 'email' && typeof value === 'string' && !value.includes('@')) throw invalid('email', 'The email is not valid.');
		const stored = kind === 'address' && typeof value === 'object' && value && 'suggest' in value ? { street: { name: String(value.suggest), number: '' }, city: null } : value;
		if (existing) existing.value = stored;
		else list.push({ id: sb.newId(), kind, name, value: stored, ...(kind !== 'address' ? { verified: false } : {}) });
	};

	const applyContacts = (profile: StoredObject, kind: Kind, value: Json | undefined) => {
		if (value === undefined) return;
		if (value && typeof value === 'object' && !Array.isArray(value) && !(kind === 'address' && isAddressObject(value))) {
			for (const [key, entry] of Object.entries(value)) {
				const byId = props(profile).some((p) => p.id === key) ? key : undefined;
				setContact(profile, kind, byId ? null : key, entry, byId);
			}
			return;
		}
		setContact(profile, kind, null, value);
	};

	const applyProperties = (profile: StoredObject, body: JsonObject) => {
		const named = body.property;
		if (named && typeof named === 'object' && !Array.isArray(named)) {
			for (const [key, value] of Object.entries(named)) {
				const definition = sb.collection('properties').find((p) => p.name === key) ?? sb.collection('properties').find((p) => p.kind === key && !p.name);
				const builtInKind = ['gender', 'birthday'].includes(key);
				if (!definition && !builtInKind) throw new ApiError(422, 'undefined_property', 'You tried to set a property on a profile that did not exist.', `property[${key}]`);
				setCustom(profile, definition?.id ?? key, (definition?.kind as string) ?? key, (definition?.name as string | null) ?? null, value);
			}
		}
		const byId = body.property_by_id;
		if (byId && typeof byId === 'object' && !Array.isArray(byId)) {
			for (const [id, value] of Object.entries(byId)) {
				const definition = sb.find('properties', id);
				if (!definition) throw new ApiError(422, 'undefined_property', 'You tried to set a property on a profile that did not exist.', `property_by_id[${id}]`);
				setCustom(profile, id, definition.kind as string, (definition.name as string | null) ?? null, value);
			}
		}
	};

	const setCustom = (profile: StoredObject, id: string, kind: string, name: string | null, value: Json) => {
		const list = props(profile);
		const existing = list.find((p) => p.id === id);
		if (existing) existing.value = value;
		else list.push({ id, kind, name, value });
	};

	const apply = (profile: StoredObject, body: JsonObject) => {
		for (const key of ['first_name', 'last_name'] as const) if (body[key] !== undefined) profile[key] = body[key] as Json;
		applyContacts(profile, 'email', body.email);
		applyContacts(profile, 'phone', body.phone);
		applyContacts(profile, 'address', body.address);
		for (const kind of ['email', 'phone', 'address'] as const) {
			const value = body[`new_default_${kind}`];
			if (value !== undefined && value !== '') props(profile).unshift({ id: sb.newId(), kind, name: null, value: value as Json });
		}
		if (body.lists !== undefined) {
			const names = Array.isArray(body.lists) ? body.lists : body.lists === '' ? [] : [body.lists];
			profile.lists = names.map((name) => listSummary(findOrCreateList(sb, String(name))));
		}
		applyProperties(profile, body);
		refresh(profile);
	};

	sb.route('POST', '/v1/profiles', ({ body }) => {
		const profile = sb.insert('profiles', 'profile', {
			blocked: false,
			emails: [],
			first_name: null,
			last_name: null,
			lists: [],
			phones: [],
			properties: [],
			state: body.subscribe === true || body.subscribe === 'true' ? 'subscribed' : 'unconfirmed',
			verified_emails: [],
			verified_phones: [],
		});
		try {
			apply(profile, body);
		} catch (error) {
			sb.remove('profiles', profile.id);
			throw error;
		}
		return { id: profile.id };
	});

	const publicProfile = (p: StoredObject): JsonObject => {
		const { _activity, ...rest } = p;
		void _activity;
		return rest;
	};

	sb.route('GET', '/v1/profiles', ({ query }) => {
		const matches = sb.collection('profiles').filter((p) => {
			const has = (key: string, test: (p: StoredObject) => boolean) => typeof query[key] !== 'string' || test(p);
			return (
				has('email', (p) => (p.emails as string[]).includes(query.email as string)) &&
				has('phone', (p) => (p.phones as string[]).includes(query.phone as string)) &&
				has('first_name', (p) => p.first_name === query.first_name) &&
				has('last_name', (p) => p.last_name === query.last_name) &&
				has('property', (p) => props(p).some((prop) => JSON.stringify(prop.value) === JSON.stringify(query.property) || prop.value === query.property))
			);
		});
		let ordered = matches;
		const order = query.order ?? 'activity';
		if (order === 'alphabetically') {
			const key = (p: StoredObject) => `${p.last_name ?? ''}\u0000${p.first_name ?? ''}`;
			ordered = [...matches].sort((a, b) => key(b).localeCompare(key(a)));
		} else if (order === 'activity') {
			ordered = [...matches].sort((a, b) => (a._activity as number) - (b._activity as number));
		}
		return { profiles: sb.paginate(ordered, query).map(publicProfile) };
	});
	sb.route('GET', '/v1/profiles/:id', ({ params }) => publicProfile(sb.get('profiles', params.id, 'profile')));
	sb.route('PATCH', '/v1/profiles/:id', ({ params, body }) => {
		const profile = sb.get('profiles', params.id, 'profile');
		apply(profile, body);
		// Update takes Create's parameters (endpoints.md), subscribe among them; false changes nothing.
		if (body.subscribe === true || body.subscribe === 'true') profile.state = 'subscribed';
		return { id: profile.id, updated: true };
	});
	sb.route('DELETE', '/v1/profiles/:id', ({ params }) => sb.remove('profiles', params.id, 'profile'));
	const subscription = (state: string) => ({ params }: { params: Record<string, string> }) => {
		const profile = sb.get('profiles', params.id, 'profile');
		profile.state = state;
		refresh(profile);
		return publicProfile(profile);
	};
	sb.route('POST', '/v1/profiles/:id/subscribe', subscription('subscribed'));
	sb.route('POST', '/v1/profiles/:id/unsubscribe', subscription('unsubscribed'));
	const verification = (verified: boolean) => ({ params, body }: { params: Record<string, string>; body: JsonObject }) => {
		const profile = sb.get('profiles', params.id, 'profile');
		const kind = body.phone !== undefined ? 'phone' : body.email !== undefined ? 'email' : undefined;
		if (!kind) throw missing('phone');
		const property = props(profile).find((p) => p.kind === kind && p.value === body[kind]);
		if (!property) throw invalid(kind, `The profile has no such ${kind}.`);
		property.verified = verified;
		refresh(profile);
		return { verified };
	};
	sb.route('POST', '/v1/profiles/:id/verify', verification(true));
	sb.route('DELETE', '/v1/profiles/:id/verify', verification(false));
}

function isAddressObject(value: JsonObject): boolean {
	return ['suggest', 'street', 'city', 'country', 'postal_code', 'region'].some((key) => key in value);
}
