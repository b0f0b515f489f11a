import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type PreSendAction,
} from 'n8n-workflow';

import { pairsToObject, parseJsonObject } from '../../shared/input';

const SIMPLE_FIELDS = [
	'first_name',
	'last_name',
	'email',
	'phone',
	'subscribe',
	'new_default_email',
	'new_default_phone',
] as const;

/**
 * The profile body from Additional Fields / Update Fields. `email`, `phone` and `address` are
 * each either a default value or a hash of named values (`email[work]`), never both at once, so
 * a request that sets both is refused instead of silently dropping one.
 */
export function buildProfileBody(collection: 'additionalFields' | 'updateFields'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const node = this.getNode();
		const itemIndex = this.getItemIndex();
		const fields = this.getNodeParameter(collection, {}) as IDataObject;
		const body: IDataObject = {};

		for (const name of SIMPLE_FIELDS) {
			if (fields[name] !== undefined) body[name] = fields[name];
		}
		if (fields.lists !== undefined) body.lists = fields.lists;

		const setHash = (apiName: string, label: string, value: IDataObject | undefined, defaultLabel: string) => {
			if (value === undefined) return;
			if (body[apiName] !== undefined) {
				throw new NodeOperationError(node, `"${defaultLabel}" and "${label}" cannot be sent together`, {
					itemIndex,
					description: `The API reads "${apiName}" either as the default value or as named values. Set one of them, or use two operations.`,
				});
			}
			body[apiName] = value;
		};

		if (fields.addressSuggest !== undefined && fields.addressJson !== undefined) {
			throw new NodeOperationError(node, '"Address (Free Text)" and "Address (JSON)" cannot be sent together', {
				itemIndex,
			});
		}
		if (fields.addressSuggest !== undefined) {
			body.address = fields.addressSuggest === '' ? '' : { suggest: fields.addressSuggest };
		}
		if (fields.addressJson !== undefined) {
			body.address = parseJsonObject(node, fields.addressJson, 'Address (JSON)', itemIndex);
		}
		if (fields.newDefaultAddressSuggest !== undefined) {
			body.new_default_address = { suggest: fields.newDefaultAddressSuggest };
		}

		setHash('email', 'Emails', pairsToObject(node, fields.namedEmails as never, 'Emails', itemIndex), 'Email');
		setHash('phone', 'Phones', pairsToObject(node, fields.namedPhones as never, 'Phones', itemIndex), 'Phone');
		setHash(
			'address',
			'Addresses',
			pairsToObject(node, fields.namedAddresses as never, 'Addresses', itemIndex),
			'Address',
		);
		const properties = pairsToObject(node, fields.properties as never, 'Custom Properties', itemIndex);
		if (properties) body.property = properties;
		const byId = pairsToObject(node, fields.propertiesById as never, 'Custom Properties by ID', itemIndex);
		if (byId) body.property_by_id = byId;

		request.body = { ...((request.body as IDataObject) ?? {}), ...body };
		return request;
	};
}
