import { ApiError, invalid, missing, type HellotextSandbox, type Json, type JsonObject, type StoredObject } from '../server.ts';
import { notUnique } from './apps.ts';

export const PROPERTY_KINDS = ['address', 'email', 'phone', 'checkbox', 'date', 'number', 'tags', 'text', 'url'];
const PROFILE_KINDS = ['address', 'email', 'phone'];
/** Kinds that cannot be unique: setting `unique` on them is ignored. */
const NEVER_UNIQUE = ['birthday', 'checkbox', 'date', 'gender', 'list', 'tags'];

const flag = (value: Json | undefined, parameter: string): boolean => {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw invalid(parameter);
};

export function registerProperties(sb: HellotextSandbox): void {
	const all = () => sb.collection('properties');

	const checkName = (name: Json | undefined, except?: string) => {
		if (name === undefined || name === null || name === '') return;
		if (typeof name !== 'string') throw invalid('name');
		if (/^\d/.test(name) || /[{}]/.test(name)) throw invalid('name', 'The name cannot start with a number or contain curly brackets.');
		if (all().some((p) => p.name === name && p.id !== except)) throw notUnique('name');
	};

	/** Puts `property` at `position` (1-based), the others moving accordingly; '' or none: the bottom. */
	const place = (property: StoredObject, position: Json | undefined) => {
		const others = all()
			.filter((p) => p !== property)
			.sort((a, b) => (a.position as number) - (b.position as number));
		let index = others.length;
		if (position !== undefined && position !== '') {
			const wanted = Number(position);
			if (!Number.isInteger(wanted) || wanted < 1) throw invalid('position', 'The position must be greater than zero.');
			index = Math.min(wanted - 1, others.length);
		}
		others.splice(index, 0, property);
		others.forEach((p, i) => (p.position = i + 1));
	};

	sb.crud('/v1/properties', 'properties', 'properties', 'property', (p, q) =>
		typeof q.profile !== 'string' || q.profile === '' || p.profile === q.profile,
	);
	sb.route('POST', '/v1/properties', ({ body }) => {
		if (body.kind === undefined || body.kind === null) throw missing('kind');
		if (body.kind === '') throw new ApiError(400, 'parameter_invalid_empty', 'This required parameter has an empty value. Provide a valid value for the parameter.', 'kind');
		if (typeof body.kind !== 'string' || !PROPERTY_KINDS.includes(body.kind)) throw invalid('kind');
		const hasProfile = body.profile !== undefined && body.profile !== null && body.profile !== '';
		if (PROFILE_KINDS.includes(body.kind) && !hasProfile) throw missing('profile');
		if (hasProfile && !PROFILE_KINDS.includes(body.kind)) throw invalid('profile', 'Only address, email and phone properties can belong to a profile.');
		if (hasProfile) sb.get('profiles', String(body.profile), 'profile');
		checkName(body.name);
		const unique = body.unique === undefined ? false : flag(body.unique, 'unique');
		const property = sb.insert('properties', 'property', {
			kind: body.kind,
			name: (body.name as Json) ?? null,
			position: 0,
			profile: hasProfile ? (body.profile as Json) : null,
			unique: unique && !NEVER_UNIQUE.includes(body.kind),
		});
		try {
			place(property, body.position);
		} catch (error) {
			sb.remove('properties', property.id);
			throw error;
		}
		return property;
	});
	sb.route('PATCH', '/v1/properties/:id', ({ params, body }) => {
		const property = sb.get('properties', params.id, 'property');
		checkName(body.name, property.id);
		const changes: JsonObject = {};
		if (body.name !== undefined) changes.name = body.name === '' ? null : body.name;
		if (body.unique !== undefined && !NEVER_UNIQUE.includes(property.kind as string)) changes.unique = flag(body.unique, 'unique');
		if (body.position !== undefined) place(property, body.position);
		Object.assign(property, changes);
		return property;
	});
}
