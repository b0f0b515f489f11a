import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { apiBaseUrl, DEFAULT_BASE_URL } from '../nodes/Hellotext/shared/transport';

export class HellotextApi implements ICredentialType {
	name = 'hellotextApi';

	displayName = 'Hellotext API';

	icon: Icon = { light: 'file:../icons/hellotext.svg', dark: 'file:../icons/hellotext.dark.svg' };

	documentationUrl = 'https://www.hellotext.com/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An authorization token from the business settings page in Hellotext. Tokens belong to one business.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: DEFAULT_BASE_URL,
			description:
				'Where the API is served: http:// or https:// only. Keep the default unless you go through a proxy or point at a sandbox.',
		},
	];

	/**
	 * A function, not the generic `=Bearer {{$credentials.token}}` block: n8n evaluates that
	 * expression for every request, in n8n 2.x's expression isolate, which was a third of a bulk
	 * run's CPU time. The header is the same.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The nodes refuse such a Base URL before any request; this refuses it in the credential
		// test too, with the same message (n8n has no validation for a credential field).
		apiBaseUrl(credentials.baseUrl);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.token ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/v1$/i, "")}}/v1',
			url: '/profiles',
			qs: { limit: 1 },
		},
		// n8n's tester reads both kinds of rule from one list; the type declares a list of one kind.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Hellotext rejected the API token (401): copy a current token from the business settings page',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Hellotext accepted the token but refused access (403): check the business account’s plan',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Hellotext API at this Base URL (404): check the Base URL',
				},
			},
			{
				// n8n fails the test when the value at `key` equals `value`: a 2xx answer without a
				// `profiles` list (a web page, another API) is not Hellotext's.
				type: 'responseSuccessBody',
				properties: {
					key: 'profiles.length',
					value: undefined,
					message: 'This Base URL answered, but not as the Hellotext API does (no list of profiles): check the Base URL',
				},
			},
		] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[],
	};
}
