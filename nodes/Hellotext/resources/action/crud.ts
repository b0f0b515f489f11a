import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type PreSendAction,
} from 'n8n-workflow';

import { sortByDisplayName } from '../../shared/commerce';
import {
	defineOperation,
	deleteOperation,
	getManyOperation,
	getOperation,
	resourceProperties,
	sendAs,
	type HellotextOperation,
} from '../../shared/descriptions';

/**
 * The Create / Get / Update / Delete / Get Many set of a resource whose create and update send
 * plain fields: required ones as top-level fields, optional ones in Additional Fields / Update
 * Fields. Used by Action, App, Coupon, Form, List and Property.
 */
export interface CrudResourceSpec {
	/** The `resource` parameter value, e.g. `coupon`. */
	resource: string;
	/** Lower-case noun for texts and 404 messages, e.g. `coupon`. */
	noun: string;
	plural: string;
	/** Collection path below /v1, e.g. `/coupons`. */
	path: string;
	/** The key that holds the array in the Get Many answer; the plural by default. */
	listProperty?: string;
	idField: INodeProperties;
	create: WriteSpec;
	update: WriteSpec;
	filters?: INodeProperties[];
	/** Operations beyond the five, e.g. List's Add Profile. */
	extra?: HellotextOperation[];
}

export interface WriteSpec {
	/** Top-level fields (required API parameters), each with its own routing. */
	required?: INodeProperties[];
	/** Options of Additional Fields (create) or Update Fields (update). */
	optional?: INodeProperties[];
	preSend?: PreSendAction[];
	description?: string;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

function collectionField(name: 'additionalFields' | 'updateFields', options: INodeProperties[]): INodeProperties[] {
	if (options.length === 0) return [];
	return [
		{
			displayName: name === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
			name,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: sortByDisplayName(options),
		},
	];
}

export function createOperation(spec: CrudResourceSpec): HellotextOperation {
	const { noun, path, create } = spec;
	return defineOperation({
		value: 'create',
		name: 'Create',
		action: `Create ${article(noun)} ${noun}`,
		description: create.description ?? `Create ${article(noun)} ${noun}`,
		method: 'POST',
		path,
		preSend: create.preSend,
		fields: [...(create.required ?? []), ...collectionField('additionalFields', create.optional ?? [])],
	});
}

export function updateOperation(spec: CrudResourceSpec): HellotextOperation {
	const { noun, path, idField, update } = spec;
	return defineOperation({
		value: 'update',
		name: 'Update',
		action: `Update ${article(noun)} ${noun}`,
		description: update.description ?? `Update ${article(noun)} ${noun}; only the fields you set are sent`,
		method: 'PATCH',
		path: `${path}/{${idField.name}}`,
		noun,
		preSend: update.preSend,
		fields: [idField, ...(update.required ?? []), ...collectionField('updateFields', update.optional ?? [])],
	});
}

/** The operation picker and fields of a CRUD resource. */
export function crudResourceProperties(spec: CrudResourceSpec): INodeProperties[] {
	const crud = { noun: spec.noun, path: spec.path, idField: spec.idField };
	return resourceProperties(
		spec.resource,
		[
			createOperation(spec),
			getOperation(crud),
			updateOperation(spec),
			deleteOperation(crud),
			getManyOperation({
				plural: spec.plural,
				path: spec.path,
				listProperty: spec.listProperty ?? spec.plural,
				filters: spec.filters,
			}),
			...(spec.extra ?? []),
		],
		'create',
	);
}

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

/** A boolean sent under its API name, off by default (spread `default: true` where the API assumes on). */
export function booleanField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description, routing: sendAs(name) };
}

/** A required field (a locator's value too) that an expression left empty is refused, naming it. */
export function requireFilled(parameter: string, label: string, why = ''): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '', { extractValue: true });
		if (typeof value === 'number') return request;
		if (typeof value !== 'string' || value.trim() === '') {
			throw new NodeOperationError(this.getNode(), `"${label}" is required${why}`, {
				itemIndex: this.getItemIndex(),
			});
		}
		return request;
	};
}
