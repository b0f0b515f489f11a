import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type PreSendAction,
} from 'n8n-workflow';

import { pairsToObject, parseJsonObject } from '../../shared/input';
import { readParameter } from '../../shared/parameters';
import { PROFILE_CONTACT_NAMES } from './fields';

/** Collection fields sent under their own name, as they are. */
const SIMPLE_FIELDS = [...PROFILE_CONTACT_NAMES, 'subscribe', 'new_default_email', 'new_default_phone'];

/**
 * The profile body: Create's top-level contact fields (`withContactFields`; a blank one is not
 * sent), then the collection (Additional Fields / Update Fields). `email`, `phone` and `address`
 * are each either a default value or a hash of named values (`email[work]`), never both at once,
 * so a request that sets both is refused instead of silently dropping one.
 */
export function buildProfileBody(collection: string, withContactFields = false): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const node = this.getNode();
		const itemIndex = this.getItemIndex();
		const fields = readParameter<IDataObject>(this, collection, {});
		const body: IDataObject = {};

		if (withContactFields) {
			for (const name of PROFILE_CONTACT_NAMES) {
				const value = readParameter(this, name, '');
				if (value !== '' && value !== undefined && value !== null) body[name] = value as string;
			}
		}
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

		const named = (field: string, label: string) => pairsToObject(node, fields[field] as never, label, itemIndex);
		setHash('email', 'Named Emails', named('namedEmails', 'Named Emails'), 'Email');
		setHash('phone', 'Named Phones', named('namedPhones', 'Named Phones'), 'Phone');
		setHash('address', 'Named Addresses', named('namedAddresses', 'Named Addresses'), 'Address');
		const properties = pairsToObject(node, fields.properties as never, 'Custom Properties', itemIndex);
		if (properties) body.property = properties;
		const byId = pairsToObject(node, fields.propertiesById as never, 'Custom Properties by ID', itemIndex);
		if (byId) body.property_by_id = byId;

		request.body = { ...((request.body as IDataObject) ?? {}), ...body };
		return request;
	};
}
