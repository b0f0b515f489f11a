import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { updateFieldsOf } from '../../shared/crud';
import { readParameter } from '../../shared/parameters';

/** "Remove Image" on: `image_url: null`, the reference's way to remove the image. */
export async function removeImage(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const fields = readParameter<IDataObject>(this, updateFieldsOf('app'), {});
	if (fields.removeImage !== true) return request;
	if (fields.image_url !== undefined) {
		throw new NodeOperationError(this.getNode(), '"Image URL" and "Remove Image" cannot be sent together', {
			itemIndex: this.getItemIndex(),
			description: 'Set a new image URL or remove the image, not both.',
		});
	}
	request.body = { ...((request.body as IDataObject) ?? {}), image_url: null };
	return request;
}
