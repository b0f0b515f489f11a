/**
 * How fields are declared. Parameter names are camelCase (CONTRIBUTING.md: naming); the API's name
 * of a field appears only where the request is built: in `sendAs` or in a body builder.
 */
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/**
 * The one form of `routing` a field may carry: its value sent under the API's name `property`,
 * as it is, in the body (or the query string). request.ts compiles it into the operation's one
 * request step; any other routing (`request`, `output`, `send.value`, `send.preSend`, dotted
 * names...) is refused when the node loads.
 */
export interface PlainSend {
	send: { type: 'body' | 'query'; property: string; propertyInDotNotation: false };
}

export function sendAs(property: string, to: 'body' | 'query' = 'body'): PlainSend {
	return { send: { type: to, property, propertyInDotNotation: false } };
}

/** A text field sent as it is under `apiName`. */
export function textField(
	displayName: string,
	name: string,
	apiName: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, routing: sendAs(apiName), ...extra };
}

/** A boolean sent as it is under `apiName`, off by default. */
export function booleanField(displayName: string, name: string, apiName: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description, routing: sendAs(apiName) };
}

export const required = (field: INodeProperties): INodeProperties => ({ ...field, required: true });

/** The same field under another parameter name; the API name it is sent under stays in its routing. */
export const named = (name: string, field: INodeProperties): INodeProperties => ({ ...field, name });

export const sortByDisplayName = (fields: INodeProperties[]) =>
	[...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));

/**
 * The collection of an operation's optional fields, e.g. `profileAdditionalFields` (Create),
 * `profileUpdateFields` (Update) or `profileFilters` (Get Many); none without options.
 */
export function fieldCollection(
	kind: 'Additional Fields' | 'Update Fields' | 'Filters',
	name: string,
	options: INodeProperties[] | undefined,
	description?: string,
): INodeProperties[] {
	if (!options?.length) return [];
	return [
		{
			displayName: kind,
			name,
			type: 'collection',
			placeholder: kind === 'Filters' ? 'Add Filter' : 'Add Field',
			default: {},
			description,
			options: sortByDisplayName(options),
		},
	];
}

// ---- resource locators ---------------------------------------------------------------------

export interface LocatorSpec {
	/** Node parameter name, e.g. `profileId`; also the `{placeholder}` in operation paths. */
	name: string;
	displayName: string;
	/** The listSearch method behind "From List". */
	searchListMethod: string;
	searchPlaceholder?: string;
	description?: string;
	/** Adds a "By Name" mode, for resources the API also addresses by name (lists). */
	byName?: boolean;
	/** Adds "By Reference or SKU", for products and variants. */
	byReference?: boolean;
	required?: boolean;
}

const mode = (
	displayName: string,
	name: string,
	type: INodePropertyMode['type'],
	extra: Partial<INodePropertyMode> = {},
): INodePropertyMode => ({ displayName, name, type, ...extra });

/** A resource locator: pick from a searchable list, or give the ID (or name / reference). */
export function idLocator(spec: LocatorSpec): INodeProperties {
	const modes: INodePropertyMode[] = [
		mode('From List', 'list', 'list', {
			placeholder: spec.searchPlaceholder,
			typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
		}),
		mode('By ID', 'id', 'string', { placeholder: 'e.g. MzYwlE50' }),
	];
	if (spec.byName) modes.push(mode('By Name', 'name', 'string', { placeholder: 'e.g. VIP customers' }));
	if (spec.byReference) {
		modes.push(mode('By Reference or SKU', 'reference', 'string', { placeholder: 'e.g. SKU-1234' }));
	}
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes,
	};
}

/** An optional locator inside a collection, its picked ID sent as it is under `apiName`. */
export function optionalLocator(
	name: string,
	apiName: string,
	spec: Omit<LocatorSpec, 'name' | 'required'>,
): INodeProperties {
	return { ...idLocator({ ...spec, name, required: false }), routing: sendAs(apiName) };
}

/** The profile picker every resource uses (searches by email, phone or first name). */
export const profileLocator = (name: string, description: string, required = true): INodeProperties =>
	idLocator({
		name,
		displayName: 'Profile',
		searchListMethod: 'searchProfiles',
		searchPlaceholder: 'Search by email, phone or first name…',
		description,
		required,
	});
