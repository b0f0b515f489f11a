import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchProfiles } from './methods/listSearch';
import { getListNames, getPropertyNames } from './methods/loadOptions';
import { profileProperties } from './resources/profile';
import { sendRoutedRequest } from './shared/transport';

const resourcePicker: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Profile', value: 'profile' }],
	default: 'profile',
};

export class Hellotext implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hellotext',
		name: 'hellotext',
		icon: { light: 'file:../../icons/hellotext.svg', dark: 'file:../../icons/hellotext.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Hellotext profiles, lists, coupons and e-commerce events',
		defaults: { name: 'Hellotext' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hellotextApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/v1',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		// Every operation sets `paginate`, so each request leaves through this one function.
		requestOperations: { pagination: sendRoutedRequest },
		properties: [resourcePicker, ...profileProperties],
	};

	methods = {
		listSearch: { searchProfiles },
		loadOptions: { getListNames, getPropertyNames },
	};
}
