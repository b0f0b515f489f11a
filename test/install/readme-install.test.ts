// The README's manual install (the path for queue mode and Docker), run as written on every tested n8n
// line (scripts/cache.sh lines). Its commands run verbatim in a scratch HOME, so `~/.n8n/nodes` is a
// scratch folder, under the Node.js and npm of that line, with one substitution: the packed tarball
// (`npm pack`, as published) in place of the package name, so npm installs this build instead of the
// registry's release and resolves everything else (the n8n-workflow peer) as it would for a user.
// Then a real n8n of that line, with that HOME as its user folder, must list the package's nodes, and a
// workflow whose request gets a 404 must report HTTP code 404. With a second n8n-workflow installed next
// to the package that code reads "none": RoutingNode's `instanceof NodeApiError` fails across the copies.
// `npm run test:install` (it builds first); n8n is installed into the cache folder when missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CREDENTIAL_TYPE } from '../support/engine';
import { createSandbox, type HellotextSandbox } from '../sandbox/index.ts';
import { packTarball, ROOT, type PackageJson } from '../package/tarball';
import { runCommand, waitFor, writeN8nImports, type LongRunningProcess } from '../support/process';
import { cache, N8n, type TestedLine } from './n8n';

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

const LINES: TestedLine[] = execFileSync(path.join(ROOT, 'scripts/cache.sh'), ['lines'], { encoding: 'utf8' })
	.trim()
	.split('\n')
	.map((line) => {
		const [n8nVersion, nodeMajor, npmMajor] = line.split(' ');
		return { n8nVersion, nodeMajor, npmMajor };
	});

/** An 8-character id (the API's shape) that the sandbox has no profile for. */
const MISSING_PROFILE_ID = 'missing1';
const TOKEN = 'install-test-token';
const CREDENTIAL = { id: 'installTestCred1', name: 'Hellotext sandbox' };
const WORKFLOW_ID = 'installTest404Wf';

/** Manual Trigger, then the Hellotext node's Profile > Get of a profile that does not exist. */
const getMissingProfileWorkflow = {
	id: WORKFLOW_ID,
	name: 'Install test: Profile > Get of a missing profile',
	nodes: [
		{ parameters: {}, id: 'a0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: { resource: 'profile', operation: 'get', profileId: { __rl: true, mode: 'id', value: MISSING_PROFILE_ID } },
			id: 'a0000000-0000-4000-8000-000000000002',
			name: 'Get Profile',
			type: `${PACKAGE.name}.hellotext`,
			typeVersion: 1,
			position: [220, 0],
			credentials: { [CREDENTIAL_TYPE]: CREDENTIAL },
		},
	],
	connections: { Start: { main: [[{ node: 'Get Profile', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	active: false,
};

/** The README's manual-install commands (the first sh block under "Manual install"), tarball for name. */
function manualInstallCommands(readme: string, tarball: string): string {
	const section = readme.split(/^### Manual install.*$/m)[1];
	const block = section && /^```sh\n([\s\S]*?)^```/m.exec(section)?.[1];
	if (!block) throw new Error('README.md has no "### Manual install" section with a ```sh block');
	const install = new RegExp(`(\\bnpm install\\s+)${PACKAGE.name}(@\\S+)?(?=\\s|$)`, 'gm');
	const installs = block.match(install) ?? [];
	if (installs.length !== 1) throw new Error(`The README's manual install should \`npm install ${PACKAGE.name}\` once:\n${block}`);
	return block.replace(install, (_, npmInstall: string) => `${npmInstall}${tarball}`);
}

/** Paths of every folder named n8n-workflow below `dir`. */
function findN8nWorkflow(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name === 'n8n-workflow')
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/** The run data `n8n execute` prints after "Execution error:" when the workflow fails. */
function executionErrorRun(output: string): any {
	const after = output.slice(output.indexOf('Execution error:'));
	const start = after.indexOf('\n{\n');
	const end = after.indexOf('\n}\n', start);
	if (start === -1 || end === -1) throw new Error(`n8n execute printed no run data:\n${output.slice(-4000)}`);
	return JSON.parse(after.slice(start + 1, end + 2));
}

/**
 * A types file n8n writes once it has loaded every node package (the editor's node panel and credential
 * list; n8n serves them as /types/*.json to a logged-in editor). n8n 1.x answers its readiness check
 * before loading the nodes, and writes the file as a stream: wait until it is whole.
 */
async function typesFile(home: string, file: string, n8n: LongRunningProcess, timeoutMs = 5 * 60_000): Promise<Array<{ name: string }>> {
	const typesPath = path.join(home, '.cache/n8n/public/types', file);
	const whole = () => {
		try {
			return JSON.parse(readFileSync(typesPath, 'utf8')) as Array<{ name: string }>;
		} catch {
			return undefined; // Not written yet, or not whole yet.
		}
	};
	return await waitFor(`n8n to write ${typesPath}`, whole, { timeoutMs, whileRunning: n8n, intervalMs: 1000 });
}

let work: string;
let tarball: string;
let sandbox: HellotextSandbox;
let sandboxUrl: string;

beforeAll(async () => {
	work = mkdtempSync(path.join(tmpdir(), 'hellotext-install-'));
	tarball = packTarball(work).path;
	sandbox = createSandbox(TOKEN);
	sandboxUrl = await sandbox.start(0);
});
afterAll(async () => {
	await sandbox?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(LINES.map((line) => [`n8n ${line.n8nVersion} on Node ${line.nodeMajor} (npm ${line.npmMajor})`, line] as const))('%s', (_, line) => {
	let home: string;
	let n8n: N8n;
	let install: { npmVersion: string; nodeVersion: string; output: string };

	beforeAll(async () => {
		const [n8nDir, nodeBin, npmBin] = [await cache('n8n', line.n8nVersion), await cache('node', line.nodeMajor), await cache('npm', line.npmMajor)];
		home = mkdtempSync(path.join(work, `home-${line.n8nVersion}-`));
		n8n = new N8n(n8nDir, nodeBin, home);

		// A person's shell on this line: its Node and npm first on PATH, HOME the scratch folder. engine-strict
		// makes npm refuse a package whose `engines` excludes this Node (a person may have it set).
		const env = {
			PATH: [npmBin, nodeBin, process.env.PATH].join(path.delimiter),
			HOME: home,
			npm_config_cache: process.env.npm_config_cache ?? path.join(homedir(), '.npm'),
			npm_config_engine_strict: 'true',
			npm_config_update_notifier: 'false',
			npm_config_audit: 'false',
			npm_config_fund: 'false',
		};
		const versions = await runCommand('bash', ['-c', 'node -v && npm -v'], { env, timeoutMs: 60_000 });
		const [nodeVersion, npmVersion] = versions.stdout.trim().split('\n');
		const commands = manualInstallCommands(README, tarball);
		const { code, output } = await runCommand('bash', ['-euo', 'pipefail', '-c', commands], { env, timeoutMs: 10 * 60_000, stderr: 'stdout' });
		install = { nodeVersion, npmVersion, output };
		if (code !== 0) throw new Error(`The README's manual install failed (node ${nodeVersion}, npm ${npmVersion}):\n${commands}\n${output}`);

		// The Hellotext credential (pointing at the sandbox) and the workflow, as a person imports them.
		const imports = writeN8nImports(
			path.join(home, 'import'),
			[{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data: { token: TOKEN, baseUrl: sandboxUrl } }],
			[getMissingProfileWorkflow],
		);
		for (const args of [imports.credentials, imports.workflows]) {
			const imported = await n8n.cli(args);
			if (imported.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${imported.output}`);
		}
	}, 40 * 60_000);

	it('the README commands install the package, with that Node and npm, and no n8n-workflow beside it', () => {
		expect(install.nodeVersion.startsWith(`v${line.nodeMajor}.`), install.nodeVersion).toBe(true);
		expect(install.npmVersion.startsWith(`${line.npmMajor}.`), install.npmVersion).toBe(true);
		const nodesDir = path.join(home, '.n8n/nodes');
		const installed = JSON.parse(readFileSync(path.join(nodesDir, 'node_modules', PACKAGE.name, 'package.json'), 'utf8')) as PackageJson;
		expect(installed.version).toBe(PACKAGE.version);
		// Only the package: no peer, no dependency of its own.
		expect(readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([PACKAGE.name]);
		expect(findN8nWorkflow(nodesDir), install.output).toEqual([]);
	});

	it('n8n loads the package: its nodes and credential are in the types the editor reads', async () => {
		const instance = await n8n.start();
		try {
			const nodeNames = (await typesFile(home, 'nodes.json', instance)).map((type) => type.name);
			// The two nodes, and the tool variant n8n derives from the usableAsTool node.
			for (const type of ['hellotext', 'hellotextTrigger', 'hellotextTool']) expect(nodeNames, instance.output()).toContain(`${PACKAGE.name}.${type}`);
			expect((await typesFile(home, 'credentials.json', instance)).map((type) => type.name)).toContain(CREDENTIAL_TYPE);
		} finally {
			await instance.stop();
		}
	}, 10 * 60_000);

	it('a workflow whose request gets a 404 reports HTTP code 404 (n8n’s NodeApiError, not a copy’s)', async () => {
		sandbox.requests.length = 0;
		const { code, output } = await n8n.cli(['execute', `--id=${WORKFLOW_ID}`]);
		expect(code, output).not.toBe(0);
		const run = executionErrorRun(output);
		const error = run.data.resultData.error;
		expect(error, output).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(error.message).toContain(MISSING_PROFILE_ID);
		expect(run.data.resultData.runData['Get Profile'][0].error).toMatchObject({ httpCode: '404' });
		expect(sandbox.requests.map((request) => `${request.method} ${request.path} ${request.headers.authorization}`)).toEqual([
			`GET /v1/profiles/${MISSING_PROFILE_ID} Bearer ${TOKEN}`,
		]);
	}, 10 * 60_000);
});
