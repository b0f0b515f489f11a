// The published artifact, loaded the way n8n loads a community package: `npm pack`, unpacked,
// read by n8n-core's PackageDirectoryLoader; then the example workflows run through the engine
// with the node and credential classes that loader produced, against the sandbox.
// Needs `npm run build` first (CI runs lint, build, test); fails, not skips, without it.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PackageDirectoryLoader, PollContext } from 'n8n-core';
import { NodeApiError, NodeHelpers, type ICredentialType, type Workflow, type INode, type INodeProperties, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Hellotext } from '../../nodes/Hellotext/Hellotext.node.ts';
import { CREDENTIAL_TYPE, Engine, makeAdditionalData, NODE_TYPE } from '../support/engine';
import { N8N_DIR, n8nModuleEntry, n8nModuleVersion } from '../support/n8n-install';
import { createSandbox, type HellotextSandbox } from '../sandbox/index.ts';
import { seedDemoData } from '../sandbox/seed.ts';
import { packAndLoad, ROOT, type PackedPackage } from './tarball';
import { MANUAL_TRIGGER, manualTrigger, readWorkflow, runWorkflow } from './workflow';
import type { Obj } from '../support/types';

const EXAMPLES = path.join(ROOT, 'examples');
/** The credential `npm run dev` imports into n8n (scripts/dev.sh); every example uses it. */
const SANDBOX_CREDENTIAL = { id: 'hellotextSandbox', name: 'Hellotext sandbox' };
const example = (file: string) => readWorkflow(path.join(EXAMPLES, file));

// CI also runs this file on n8n 1.123's own n8n-core and n8n-workflow (scripts/test-on-n8n.sh).
describe(`the packed tarball, loaded by n8n-core ${n8nModuleVersion('n8n-core')}’s PackageDirectoryLoader`, () => {
	let pkg: PackedPackage;
	beforeAll(async () => {
		pkg = await packAndLoad();
	}, 120_000);
	afterAll(() => pkg?.cleanup());

	it(`runs on the n8n-core and n8n-workflow of ${N8N_DIR ?? 'the devDependencies'}`, () => {
		const requireN8n = createRequire(__filename);
		expect(requireN8n(n8nModuleEntry('n8n-core')).PackageDirectoryLoader).toBe(PackageDirectoryLoader);
		expect(requireN8n(n8nModuleEntry('n8n-workflow')).NodeApiError).toBe(NodeApiError);
	});

	it('holds what a user needs and nothing else: the build with its icons, package.json, README, LICENSE, CHANGELOG', () => {
		for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', ...pkg.packageJson.n8n.nodes, ...pkg.packageJson.n8n.credentials]) {
			expect(pkg.files).toContain(file);
		}
		expect(pkg.files.filter((file) => /^dist\/icons\/[^/]+\.svg$/.test(file)).length).toBeGreaterThan(0);
		for (const file of pkg.files) {
			expect(file === 'package.json' || /^(README|LICENSE|CHANGELOG)(\.md)?$/i.test(file) || file.startsWith('dist/'), file).toBe(true);
			expect(file, 'a TypeScript source in the tarball').not.toMatch(/(?<!\.d)\.ts$/);
			// Tests, the sandbox, the bench, scripts and examples stay in the repository (the README's links
			// to examples/ lead there).
			expect(file).not.toMatch(/(^|\/)(test|tests|__tests__|src|sandbox|bench|scripts|examples)\//);
		}
	});

	it('package.json: no dependencies, n8n-workflow an optional peer, and the Node range n8n 1.123 and 2.x run on', () => {
		const { packageJson } = pkg;
		expect(packageJson.dependencies, 'n8n Cloud refuses community packages with dependencies').toBeUndefined();
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		// n8n provides n8n-workflow; npm must not install a copy of its own next to the package (test/install).
		expect(packageJson.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		// n8n 1.123 runs on Node >=20.19, n8n 2.x on 24. The toolchain's Node 24 comes with the scripts
		// (scripts/with-node24.sh): no devEngines stops `npm ci` on an older Node.
		expect(packageJson.engines).toEqual({ node: '>=20.19' });
		expect(packageJson.devEngines).toBeUndefined();
		expect(packageJson.scripts?.preinstall ?? packageJson.scripts?.install ?? packageJson.scripts?.postinstall, 'an install script runs on users’ machines').toBeUndefined();
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('loads every node and credential the package.json `n8n` section lists, from the tarball', () => {
		const { loader, packageJson } = pkg;
		expect(packageJson.n8n.nodes.length).toBeGreaterThan(0);
		expect(packageJson.n8n.credentials).toEqual(['dist/credentials/HellotextApi.credentials.js']);
		const knownNodes = Object.values(loader.known.nodes).map((known) => known.sourcePath);
		expect(knownNodes.sort()).toEqual([...packageJson.n8n.nodes].sort());
		expect(loader.loadedNodes).toHaveLength(packageJson.n8n.nodes.length);
		for (const [name, { type, sourcePath }] of Object.entries(loader.nodeTypes)) {
			expect(pkg.files).toContain(sourcePath);
			// Where the loader requires it from (its resolvePath, in n8n 1.x and 2.x).
			expect(realpathSync(path.resolve(loader.directory, sourcePath)).startsWith(realpathSync(pkg.dir) + path.sep)).toBe(true);
			const description = (type as INodeType).description;
			expect(description.name).toBe(name);
			expect(description.communityNodePackageVersion).toBe(packageJson.version);
			expect(loader.types.nodes.map((node) => node.name)).toContain(name);
			// The class n8n instantiated is the tarball's compiled file, not the repository's source.
			expect(type).not.toBeInstanceOf(Hellotext);
		}
		expect(Object.keys(loader.nodeTypes)).toContain('hellotext');
		expect((loader.nodeTypes.hellotext.type as INodeType).description.properties.length).toBeGreaterThan(5);

		const credential = loader.known.credentials[CREDENTIAL_TYPE];
		expect(credential.sourcePath).toBe('dist/credentials/HellotextApi.credentials.js');
		expect(credential.supportedNodes).toContain('hellotext');
		expect(loader.types.credentials.map((type) => type.name)).toEqual([CREDENTIAL_TYPE]);
		const credentialType = loader.credentialTypes[CREDENTIAL_TYPE].type as ICredentialType;
		expect(credentialType.properties.map((property) => property.name)).toEqual(['token', 'baseUrl']);
		expect(credentialType.supportedNodes).toEqual(expect.arrayContaining(['hellotext']));
	});

	it('resolves every icon and codex file to a file inside the tarball', () => {
		const prefix = `icons/${pkg.packageJson.name}/`;
		const things: Array<{ what: string; iconUrl?: unknown; icon?: unknown }> = [
			...pkg.loader.types.nodes.map((node) => ({ what: node.name, iconUrl: node.iconUrl, icon: node.icon })),
			...pkg.loader.types.credentials.map((cred) => ({ what: cred.name, iconUrl: cred.iconUrl, icon: cred.icon })),
		];
		for (const { what, iconUrl, icon } of things) {
			// The loader turns `file:` icons into URLs n8n serves from the package folder.
			expect(icon, what).toBeUndefined();
			expect(iconUrl, what).toEqual({ light: expect.any(String), dark: expect.any(String) });
			for (const url of Object.values(iconUrl as Record<string, string>)) {
				expect(url.startsWith(prefix), `${what}: ${url}`).toBe(true);
				const file = url.slice(prefix.length);
				expect(file, what).toMatch(/^dist\/icons\/[^/]+\.svg$/);
				expect(pkg.files, what).toContain(file);
				expect(readFileSync(path.join(pkg.dir, file), 'utf8')).toMatch(/<svg[\s>]/);
			}
		}
		for (const [name, { sourcePath }] of Object.entries(pkg.loader.nodeTypes)) {
			const codexFile = `${sourcePath}on`;
			expect(codexFile).toMatch(/^dist\/nodes\/[^/]+\/[^/]+\.node\.json$/);
			expect(pkg.files, name).toContain(codexFile);
			const codex = JSON.parse(readFileSync(path.join(pkg.dir, codexFile), 'utf8')) as Obj;
			const description = (pkg.loader.nodeTypes[name].type as INodeType).description;
			expect(codex.node).toBe(`${pkg.packageJson.name}.${name}`);
			expect(description.codex?.categories, name).toEqual(codex.categories);
			expect(description.codex?.resources?.primaryDocumentation, name).toEqual(codex.resources.primaryDocumentation);
		}
	});

	describe('the example workflows, run with the tarball’s classes against the sandbox', () => {
		let sandbox: HellotextSandbox;
		let engine: Engine;
		let nodeTypes: Record<string, INodeType>;
		const files = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')) : [];

		beforeAll(async () => {
			sandbox = createSandbox('example-token');
			const url = await sandbox.start(0);
			nodeTypes = Object.fromEntries(
				Object.entries(pkg.loader.nodeTypes).map(([name, { type }]) => [`${pkg.packageJson.name}.${name}`, type as INodeType]),
			);
			engine = new Engine({
				baseUrl: url,
				token: sandbox.token,
				nodeTypes: { ...nodeTypes, [MANUAL_TRIGGER]: manualTrigger },
				credentialTypes: { [CREDENTIAL_TYPE]: pkg.loader.credentialTypes[CREDENTIAL_TYPE].type as ICredentialType },
			});
		});
		beforeEach(() => {
			sandbox.reset();
			seedDemoData(sandbox);
			sandbox.requests.length = 0;
		});
		afterAll(async () => sandbox?.stop());

		it('are importable workflows using only this package’s nodes with the sandbox credential and known parameters', () => {
			expect(files.length).toBeGreaterThanOrEqual(6);
			expect(engine.nodeTypes.getByNameAndVersion(NODE_TYPE)).toBe(pkg.loader.nodeTypes.hellotext.type);
			expect(readFileSync(path.join(ROOT, 'scripts/dev.sh'), 'utf8')).toContain(SANDBOX_CREDENTIAL.id);
			const ids = new Set<string>();
			for (const file of files) {
				const data = example(file);
				expect(data.id, file).toMatch(/^[A-Za-z0-9]{16}$/);
				expect(ids.has(data.id), `${file}: duplicate id`).toBe(false);
				ids.add(data.id);
				expect(data.name, file).toMatch(/^Hellotext example: /);
				expect(data.active, file).toBe(false);
				for (const node of data.nodes) {
					if (node.type === MANUAL_TRIGGER) continue;
					const nodeType = nodeTypes[node.type];
					expect(nodeType, `${file}: ${node.type}`).toBeDefined();
					expect(node.credentials, `${file}: ${node.name}`).toEqual({ [CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL });
					expectKnownParameters(`${file}: ${node.name}`, node, nodeType.description);
				}
				for (const [from, outputs] of Object.entries(data.connections)) {
					expect(data.nodes.map((node) => node.name), file).toContain(from);
					for (const connection of outputs.main.flat()) expect(data.nodes.map((node) => node.name), file).toContain(connection!.node);
				}
			}
		});

		it('create-profile-and-add-to-list: creates the profile, then adds it to the Newsletter list', async () => {
			const { output, error } = await runWorkflow(engine, example('create-profile-and-add-to-list.json'));
			expect(error).toBeUndefined();
			const created = output('Create Profile');
			expect(created).toHaveLength(1);
			const id = created[0].json.id as string;
			expect(sandbox.call('GET', `/v1/profiles/${id}`)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace' });
			const newsletter = (sandbox.call('GET', '/v1/lists') as Obj).lists.find((list: Obj) => list.name === 'Newsletter');
			expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /v1/profiles',
				`POST /v1/lists/Newsletter/profiles/${id}`,
			]);
			expect(sandbox.requests[0].body).toMatchObject({
				first_name: 'Ada',
				last_name: 'Lovelace',
				email: 'ada.lovelace@example.com',
				phone: '+59899123456',
				subscribe: true,
			});
			expect(sandbox.requests[0].headers.authorization).toBe('Bearer example-token');
			const added = output('Add to Newsletter');
			expect(added).toHaveLength(1);
			expect(added[0].json.id).toBe(id);
			expect((added[0].json.lists as Obj[]).map((list) => list.id)).toContain(newsletter.id);
			expect(((sandbox.call('GET', `/v1/profiles/${id}`) as Obj).lists as Obj[]).map((list) => list.name)).toContain('Newsletter');
		});

		it('track-order-placed: tracks order.placed for a profile, creating the order from inline parameters', async () => {
			const { output, error } = await runWorkflow(engine, example('track-order-placed.json'));
			expect(error).toBeUndefined();
			const [profile] = output('Get a Profile');
			expect(output('Get a Profile')).toHaveLength(1);
			const track = sandbox.requests.find((r) => r.method === 'POST');
			expect(track?.path).toBe('/v1/attribution/events');
			expect(track?.body).toEqual({
				action: 'order.placed',
				order_parameters: { reference: expect.stringMatching(/^ORDER-\d+$/), source: 'n8n' },
				profile: profile.json.id,
				amount: 120,
				currency: 'USD',
				metadata: { channel: 'n8n example' },
			});
			// Track answers as the reference documents it.
			expect(output('Track Order Placed').map((item) => item.json)).toEqual([{ status: 'received' }]);
			const events = sandbox.collection('events');
			expect(events).toHaveLength(1);
			const stored = sandbox.call('GET', `/v1/attribution/events/${events[0].id}`) as Obj;
			expect(stored).toMatchObject({ type: 'event', action: { name: 'order.placed' }, amount: 120, profile: profile.json.id });
			expect(stored.trackable.type).toBe('order');
			const order = sandbox.call('GET', `/v1/attribution/orders/${stored.trackable.id as string}`) as Obj;
			expect(order).toMatchObject({ reference: (track?.body as Obj).order_parameters.reference, source: 'n8n' });
		});

		it('trigger-on-new-events: activation starts from now; the next poll emits a newly tracked event once', async () => {
			const data = example('trigger-on-new-events.json');
			const [node] = data.nodes;
			const trigger = nodeTypes[node.type];
			expect(trigger.description.polling).toBe(true);
			const staticData = {};
			const activation = engine.pollContext(node.parameters, node.type, staticData, 'trigger');
			expect(await trigger.poll!.call(activation)).toBeNull();
			const workflow = (activation as unknown as { workflow: Workflow }).workflow;
			const poll = () =>
				trigger.poll!.call(new PollContext(workflow, workflow.getNode('Hellotext Trigger')!, makeAdditionalData(engine.credentialsHelper), 'trigger', 'activate'));
			expect(await poll()).toBeNull();

			expect((await runWorkflow(engine, example('track-order-placed.json'))).error).toBeUndefined();
			const [event] = sandbox.collection('events');
			const emitted = await poll();
			expect(emitted?.[0].map((item) => item.json)).toEqual([sandbox.call('GET', `/v1/attribution/events/${event.id}`)]);
			expect(emitted?.[0][0].json).toMatchObject({ type: 'event', action: { name: 'order.placed' } });
			expect(await poll()).toBeNull();
			// "Fetch Test Event" in the editor shows the newest event.
			const sample = await trigger.poll!.call(engine.pollContext(node.parameters, node.type, {}, 'manual'));
			expect(sample?.[0][0].json.id).toBe(event.id);
		});

		it('send-whatsapp-template-with-short-link: the demo template with its short link, to a phone number in E.164', async () => {
			const { output, error } = await runWorkflow(engine, example('send-whatsapp-template-with-short-link.json'));
			expect(error).toBeUndefined();
			expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/templates/OrdReady', 'POST /v1/messages']);
			expect(sandbox.requests[1].body).toEqual({
				technology: 'whatsapp',
				destination: '+12025550143',
				template: { id: 'OrdReady', shortlinks: { tracking: expect.stringMatching(/^https:\/\/shop\.example\.com\/orders\/\d{8}-55$/) } },
			});
			expect(output('Send Order Ready').map((item) => item.json)).toEqual([
				expect.objectContaining({ status: 'received', channel: 'whatsapp', phone: '+12025550143', template_id: 'OrdReady', template_name: 'Order ready' }),
			]);
			const [sent] = sandbox.collection('messages');
			expect(sent.body).toMatch(/Track it here: https:\/\/shop\.example\.com\/orders\//);
		});

		it('send-sms-to-new-profiles: each profile the trigger emits gets one SMS', async () => {
			const data = example('send-sms-to-new-profiles.json');
			const [triggerNode, sendNode] = data.nodes;
			const trigger = nodeTypes[triggerNode.type];
			const staticData = {};
			expect(await trigger.poll!.call(engine.pollContext(triggerNode.parameters, triggerNode.type, staticData, 'trigger'))).toBeNull();
			const ada = sandbox.call('POST', '/v1/profiles', { first_name: 'Ada', phone: '+59899000111' }) as Obj;
			const grace = sandbox.call('POST', '/v1/profiles', { first_name: 'Grace', phone: '+59899000222' }) as Obj;
			const emitted = await trigger.poll!.call(engine.pollContext(triggerNode.parameters, triggerNode.type, staticData, 'trigger'));
			expect(emitted?.[0].map((item) => item.json.id)).toEqual([ada.id, grace.id]);
			sandbox.requests.length = 0;
			// The send node as the trigger's execution runs it, on what the trigger emitted.
			const { items, error } = await engine.run(sendNode.parameters, emitted![0].map((item) => item.json), { node: { name: sendNode.name } });
			expect(error).toBeUndefined();
			expect(sandbox.requests.map((r) => r.body)).toEqual([
				{ technology: 'sms', profile: ada.id, body: 'Welcome to Demo Shop, Ada! Reply STOP to opt out.' },
				{ technology: 'sms', profile: grace.id, body: 'Welcome to Demo Shop, Grace! Reply STOP to opt out.' },
			]);
			expect(items.map((item) => item.json.profile)).toEqual([ada.id, grace.id]);
			expect(sandbox.collection('messages').map((m) => m.destination)).toEqual(['+59899000111', '+59899000222']);
		});

		it('export-all-profiles: Get Many with Return All pages through every profile', async () => {
			const all = sandbox.collection('profiles');
			expect(all.length).toBeGreaterThan(25); // more than one page at the default page size
			const { output, error } = await runWorkflow(engine, example('export-all-profiles.json'));
			expect(error).toBeUndefined();
			const items = output('Get All Profiles');
			expect(items.map((item) => item.json.id).sort()).toEqual(all.map((profile) => profile.id).sort());
			expect(sandbox.requests.every((r) => r.method === 'GET' && r.path === '/v1/profiles')).toBe(true);
		});
	});
});

/** Every parameter the example sets exists on the node and is shown for the chosen resource/operation. */
function expectKnownParameters(where: string, node: INode, description: INodeTypeDescription): void {
	// What the editor shows depends on the parameters with their defaults filled in.
	const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	for (const [key, value] of Object.entries(node.parameters)) {
		const property = description.properties.find(
			(candidate) => candidate.name === key && NodeHelpers.displayParameter(resolved, candidate, node, description),
		);
		expect(property, `${where}: parameter ${key} is unknown or hidden`).toBeDefined();
		if (property!.type === 'collection' && value && typeof value === 'object') {
			const options = (property!.options ?? []) as INodeProperties[];
			for (const inner of Object.keys(value)) {
				expect(options.map((option) => option.name), `${where}: ${key}.${inner}`).toContain(inner);
			}
		}
	}
}
