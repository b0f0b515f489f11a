// The demo data of `npm run sandbox` (seed.ts): templates and a custom object structure a person can
// use at once, in process and from the CLI's own process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { seedDemoData } from './seed.ts';
import { useHttpSandbox, type Obj } from './testing.ts';

describe('sandbox demo data', () => {
	const t = useHttpSandbox();

	it('has an approved WhatsApp template with a named short link, an SMS template, and the repair structure', async () => {
		seedDemoData(t.sb, 3);
		const { templates, has_more } = (await t.api('GET', '/v1/templates')).body;
		expect(has_more).toBe(false);
		const whatsapp = templates.find((x: Obj) => x.technology === 'whatsapp');
		const sms = templates.find((x: Obj) => x.technology === 'sms');
		expect(whatsapp).toMatchObject({ name: 'Order ready', state: 'approved', category: 'utility' });
		expect(whatsapp.body).toContain('{shortlink:tracking}');
		expect(sms).toMatchObject({ state: 'approved', header: null, footer: null, buttons: [] });
		const structure = (await t.api('GET', '/v1/objects/repair')).body;
		expect(structure).toMatchObject({ title: 'Repairs', name: 'repair', built_in: false });
		expect(structure.properties.map((p: Obj) => [p.name, p.kind, p.required, p.unique])).toEqual([
			['ticket', 'text', true, true],
			['device', 'text', false, false],
		]);

		// Usable as they are: a template send with its short link, an event creating a repair.
		const profile = (t.sb.collection('profiles') as Obj[]).find((p) => p.phones.length)!;
		const sent = await t.api('POST', '/v1/messages', {
			technology: 'whatsapp',
			profile: profile.id,
			template: { id: whatsapp.id, shortlinks: { tracking: 'https://shop.example.com/track/1' } },
		});
		expect(sent.body).toEqual({ status: 'received' });
		expect(t.sb.collection('messages')[0].body).toContain('https://shop.example.com/track/1');
		t.sb.call('POST', '/v1/attribution/actions', { name: 'repair.opened' });
		const tracked = await t.api('POST', '/v1/attribution/events', { action: 'repair.opened', profile: profile.id, object_type: 'repair', object_parameters: { ticket: 'RX-1' } });
		expect(tracked.status).toBe(200);
		expect(t.sb.collection('object_instances')).toHaveLength(1);
	});

	it('npm run sandbox (cli.ts) serves them from its own process', async () => {
		const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');
		const child = spawn(process.execPath, [cli, '--port', '0', '--token', 'seed-test'], { stdio: ['ignore', 'pipe', 'pipe'] });
		try {
			const url = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					const match = /listening on (http:\/\/\S+)/.exec(out);
					if (match) resolve(match[1]);
				});
				child.on('exit', (code) => reject(new Error(`cli.ts exited (${code})`)));
			});
			const get = async (route: string) => (await (await fetch(`${url}${route}`, { headers: { authorization: 'Bearer seed-test' } })).json()) as Obj;
			expect((await get('/v1/templates')).templates.map((x: Obj) => [x.name, x.technology, x.state]).sort()).toEqual(
				[
					['Order ready', 'whatsapp', 'approved'],
					['Booking reminder', 'sms', 'approved'],
				].sort(),
			);
			expect((await get('/v1/objects/repair')).name).toBe('repair');
		} finally {
			child.kill('SIGTERM');
		}
	});
});
