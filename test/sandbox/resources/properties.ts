import { ApiError, invalid, missing, type HellotextSandbox, type Json } from '../server.ts';

export const PROPERTY_KINDS = ['address', 'email', 'phone', 'checkbox', 'date', 'number', 'tags', 'text', 'url'];
const PROFILE_KINDS = ['address', 'email', 'phone'];

export function registerProperties(sb: HellotextSandbox): void {
	sb.crud('/v1/properties', 'properties', 'properties', 'property', (p, q) =>
		typeof q.profile !== 'string' || p.profile === q.profile,
	);
	sb.route('POST', '/v1/properties', ({ body }) => {
		if (typeof body.kind !== 'string' || body.kind === '') throw missing('kind');
		if (!PROPERTY_KINDS.includes(body.kind)) throw invalid('kind');
		if (PROFILE_KINDS.includes(body.kind) && !body.profile) throw missing('profile');
		if (body.name && sb.collection('properties').some((p) => p.name === body.name)) {
			throw new ApiError(422, 'parameter_not_unique', 'The value must be unique and it is already present in another object of the same type.', 'name');
		}
		return sb.insert('properties', 'property', {
			kind: body.kind,
			name: (body.name as Json) ?? null,
			position: (body.position as Json) ?? sb.collection('properties').length + 1,
			profile: (body.profile as Json) ?? null,
			unique: body.unique === true || body.unique === 'true',
		});
	});
	sb.route('PATCH', '/v1/properties/:id', ({ params, body }) => {
		const property = sb.get('properties', params.id, 'property');
		for (const key of ['name', 'position', 'unique'] as const) {
			if (body[key] !== undefined) property[key] = body[key] as Json;
		}
		return property;
	});
}
