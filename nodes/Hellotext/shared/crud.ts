import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type PreSendAction,
} from 'n8n-workflow';

import {
	defineOperation,
	deleteOperation,
	getManyOperation,
	getOperation,
	resourceProperties,
	sendAs,
	withArticle,
	type HellotextOperation,
} from './descriptions';
import { mergeIntoBody, type BodyBuilder } from './commerce';
import { readParameter } from './parameters';

export const sortByDisplayName = (fields: INodeProperties[]) =>
	[...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));

export interface WriteSpec {
	/** The resource's value, e.g. `cart`: names the Additional Fields / Update Fields parameter. */
	resource: string;
	/** Lower-case noun for texts, e.g. `cart`. */
	noun: string;
	/** Path below /v1, with `{param}` placeholders. */
	path: string;
	description?: string;
	/** Top-level fields (required parameters, locators), shown before the collection. */
	fields?: INodeProperties[];
	/** The options of Additional Fields (create) or Update Fields (update); none: no collection. */
	options?: INodeProperties[];
	preSend?: PreSendAction[];
	/** What the collection adds to the body beyond the fields sent as they are (metadata, prices...). */
	body?: BodyBuilder;
	/** What a 404 on Create names, when the path addresses a parent, e.g. `order`. */
	parentNoun?: string;
}

/**
 * The parameter names of a resource's Additional Fields (Create) and Update Fields (Update):
 * one property per name in the whole node, e.g. `cartAdditionalFields`.
 */
export const additionalFieldsOf = (resource: string) => `${resource}AdditionalFields`;
export const updateFieldsOf = (resource: string) => `${resource}UpdateFields`;

/** The same field under another parameter name; the name it is sent under stays in its routing. */
export const named = (name: string, field: INodeProperties): INodeProperties => ({ ...field, name });

function fieldCollection(name: string, options: INodeProperties[] = []): INodeProperties[] {
	if (options.length === 0) return [];
	return [
		{
			displayName: name.endsWith('AdditionalFields') ? 'Additional Fields' : 'Update Fields',
			name,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: sortByDisplayName(options),
		},
	];
}

/** POST with top-level fields plus an Additional Fields collection. */
export function createOperation(spec: WriteSpec): HellotextOperation {
	return defineOperation({
		value: 'create',
		name: 'Create',
		action: `Create ${withArticle(spec.noun)}`,
		description: spec.description ?? `Create ${withArticle(spec.noun)}`,
		method: 'POST',
		path: spec.path,
		noun: spec.parentNoun,
		preSend: withBody(additionalFieldsOf(spec.resource), spec),
		fields: [...(spec.fields ?? []), ...fieldCollection(additionalFieldsOf(spec.resource), spec.options)],
	});
}

/** PATCH with top-level fields plus an Update Fields collection; only what is added is sent. */
export function updateOperation(spec: WriteSpec): HellotextOperation {
	return defineOperation({
		value: 'update',
		name: 'Update',
		action: `Update ${withArticle(spec.noun)}`,
		description: spec.description ?? `Update ${withArticle(spec.noun)}; only the fields you add are sent`,
		method: 'PATCH',
		path: spec.path,
		noun: spec.noun,
		preSend: withBody(updateFieldsOf(spec.resource), spec),
		fields: [...(spec.fields ?? []), ...fieldCollection(updateFieldsOf(spec.resource), spec.options)],
	});
}

/** The spec's preSend steps, then its body builder on the collection's values. */
function withBody(collection: string, spec: WriteSpec): PreSendAction[] {
	return [...(spec.preSend ?? []), ...(spec.body ? [mergeIntoBody(collection, spec.body)] : [])];
}

type WriteParts = Omit<WriteSpec, 'resource' | 'noun' | 'path'> & { path?: string };

export interface CrudSpec {
	noun: string;
	/** With a plural, the resource also gets Get Many. */
	plural?: string;
	/** Collection path below /v1, e.g. `/attribution/carts`. */
	path: string;
	idField: INodeProperties;
	/** The key holding the array in the Get Many answer; the plural by default. */
	listProperty?: string;
	filters?: INodeProperties[];
	/** Create posts to `path` unless its `path` says otherwise. */
	create: WriteParts;
	/** Update patches `<path>/{<idField>}`; its `fields` come after the id field. */
	update: WriteParts;
	/** Operations beyond the five, e.g. List's Add Profile. */
	extra?: HellotextOperation[];
}

/** One resource's operation picker and fields: Create, Get, Update, Delete, Get Many and extras. */
export function crudResource(resource: string, spec: CrudSpec): INodeProperties[] {
	const { noun, path, idField } = spec;
	const operations = [
		createOperation({ resource, noun, path, ...spec.create }),
		getOperation({ noun, path, idField }),
		updateOperation({
			resource,
			noun,
			path: `${path}/{${idField.name}}`,
			...spec.update,
			fields: [idField, ...(spec.update.fields ?? [])],
		}),
		deleteOperation({ noun, path, idField }),
	];
	if (spec.plural) {
		operations.push(
			getManyOperation({
				resource,
				plural: spec.plural,
				path,
				listProperty: spec.listProperty ?? spec.plural,
				filters: spec.filters,
			}),
		);
	}
	return resourceProperties(resource, [...operations, ...(spec.extra ?? [])], 'create');
}

// ---- simple fields --------------------------------------------------------------------------

/** A string field sent under its API name (`name` is also the node parameter name). */
export function stringField(
	displayName: string,
	name: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, routing: sendAs(name), ...extra };
}

/** The same field, top-level and required. */
export function requiredField(field: INodeProperties): INodeProperties {
	return { ...field, required: true };
}

/** A boolean sent under its API name, off by default. */
export function booleanField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description, routing: sendAs(name) };
}

/** A required field (a locator's value too) that an expression left empty is refused, naming it. */
export function requireFilled(parameter: string, label: string, why = ''): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const value = readParameter(this, parameter, '', { extractValue: true });
		if (typeof value === 'number') return request;
		if (typeof value !== 'string' || value.trim() === '') {
			throw new NodeOperationError(this.getNode(), `"${label}" is required${why}`, {
				itemIndex: this.getItemIndex(),
			});
		}
		return request;
	};
}
