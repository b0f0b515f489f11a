import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type INodeProperties,
} from 'n8n-workflow';

import { defineOperation } from '../../shared/descriptions';
import { readParameter } from '../../shared/parameters';
import { emailOrPhone, profileIdLocator } from './fields';

const contactFields: INodeProperties[] = [
	profileIdLocator,
	emailOrPhone('contactType', 'Contact Type', 'phone'),
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+59899000001',
		description: 'The phone or email on the profile',
	},
];

/** Sends the contact as `phone` or `email`, whichever Contact Type says. */
async function sendContact(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const type = readParameter<string>(this, 'contactType', 'phone');
	const contact = String(readParameter(this, 'contact', '')).trim();
	if (!contact) {
		throw new NodeOperationError(this.getNode(), '"Contact" is empty: give the phone or email to verify', {
			itemIndex: this.getItemIndex(),
		});
	}
	request.body = { [type === 'email' ? 'email' : 'phone']: contact };
	return request;
}

const contactOperation = (value: string, name: string, method: IHttpRequestMethods, action: string) =>
	defineOperation({
		value,
		name,
		action,
		description: `${name.replace(' Contact', '')} one of the profile's phones or emails`,
		method,
		path: '/profiles/{profileId}/verify',
		noun: 'profile',
		fields: contactFields,
		preSend: [sendContact],
	});

export const verifyContact = contactOperation('verify', 'Verify Contact', 'POST', 'Verify a profile contact');
export const unverifyContact = contactOperation('unverify', 'Unverify Contact', 'DELETE', 'Unverify a profile contact');
