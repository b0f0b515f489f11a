import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../../shared/descriptions';
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
		routing: { send: { type: 'body', property: '={{$parameter.contactType}}' } },
	},
];

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
	});

export const verifyContact = contactOperation('verify', 'Verify Contact', 'POST', 'Verify a profile contact');
export const unverifyContact = contactOperation('unverify', 'Unverify Contact', 'DELETE', 'Unverify a profile contact');
