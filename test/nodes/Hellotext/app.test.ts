import { describe, expect, it } from 'vitest';

import { locator, resourceRunner, useSandbox } from '../../support/sandbox';
import { crudCases } from './crudCases';
import type { Obj } from '../../support/types';

describe('App', () => {
	const env = useSandbox();
	const run = resourceRunner(env, 'app');
	const icon = 'https://www.beautyandcare.com/apps/awesome.jpg';
	const createApp = (body: Obj) => env.sandbox.call('POST', '/v1/attribution/apps', body) as Obj;

	it('Create sends the name and image URL, and returns the app', async () => {
		const { items, error } = await run('create', {
			appName: 'Beauty & Care',
			appAdditionalFields: { imageUrl: icon },
		});
		expect(error).toBeUndefined();
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v1/attribution/apps', query: {} });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Beauty & Care', image_url: icon });
		expect(items[0].json).toMatchObject({ type: 'app', name: 'Beauty & Care', image_url: icon, metadata: {} });
	});

	it('Update sends only the fields set; Remove Image off sends nothing about the image', async () => {
		const app = createApp({ name: 'Beauty & Care', image_url: icon });
		const { items } = await run('update', {
			appId: locator(app.id),
			appUpdateFields: { name: 'Beauty & More', removeImage: false },
		});
		expect(env.sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1/attribution/apps/${app.id}` });
		expect(env.sandbox.requests[0].body).toEqual({ name: 'Beauty & More' });
		expect(items[0].json).toEqual({ ...app, name: 'Beauty & More' });
	});

	it('Update with Remove Image sends image_url: null and the image is gone', async () => {
		const app = createApp({ name: 'Beauty & Care', image_url: icon });
		const { items } = await run('update', {
			appId: locator(app.id),
			appUpdateFields: { removeImage: true },
		});
		expect(env.sandbox.requests[0].body).toEqual({ image_url: null });
		expect(items[0].json).toMatchObject({ id: app.id, image_url: null, name: 'Beauty & Care' });
	});

	it('Update refuses a new image URL together with Remove Image, before sending', async () => {
		const app = createApp({ name: 'X' });
		const { error } = await run('update', {
			appId: locator(app.id),
			appUpdateFields: { imageUrl: icon, removeImage: true },
		});
		expect(error?.message).toBe('"Image URL" and "Remove Image" cannot be sent together');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Update with a new image URL sends it', async () => {
		const app = createApp({ name: 'X' });
		const { items } = await run('update', {
			appId: locator(app.id),
			appUpdateFields: { imageUrl: icon },
		});
		expect(env.sandbox.requests[0].body).toEqual({ image_url: icon });
		expect(items[0].json.image_url).toBe(icon);
	});

	crudCases(env, {
		resource: 'app',
		idParam: 'appId',
		path: '/attribution/apps',
		listKey: 'apps',
		type: 'app',
		seed: (n) => ({ name: `App ${n}` }),
	});
});
