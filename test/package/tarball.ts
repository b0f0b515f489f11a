// Packs the package the way `npm publish` would, unpacks the tarball into a temporary folder and
// loads it with n8n-core's PackageDirectoryLoader, the loader n8n uses for community packages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';

import { n8nModuleDir } from '../support/n8n-install';

export const ROOT = path.resolve(__dirname, '../..');

export interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
	[key: string]: unknown;
}

export interface PackedPackage {
	/** The unpacked package folder (what `npm install` puts in node_modules/<name>). */
	dir: string;
	/** Paths inside the tarball, without the leading `package/`. */
	files: string[];
	packageJson: PackageJson;
	loader: PackageDirectoryLoader;
	cleanup(): void;
}

/** Fails with a clear message when `npm run build` has not produced what package.json points at. */
export function assertBuilt(): void {
	const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
	const entries = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
	const missing = entries.filter((entry) => !existsSync(path.join(ROOT, entry)));
	if (!existsSync(path.join(ROOT, 'dist')) || missing.length > 0) {
		throw new Error(
			`The build output is missing (${missing.join(', ') || 'dist/'}): run \`npm run build\` before \`npm test\` ` +
				'(CI runs lint, build, then test).',
		);
	}
}

export interface Tarball {
	/** The .tgz file. */
	path: string;
	/** Paths inside the tarball, without the leading `package/`. */
	files: string[];
}

/** `npm pack` of the build output that is there (it builds nothing), into `destination`. */
export function packTarball(destination: string): Tarball {
	assertBuilt();
	// Through scripts/with-node24.sh: packed with the Node and npm the build uses, whichever Node runs
	// the test (n8n 1.x's is 22).
	const [packed] = JSON.parse(
		execFileSync(path.join(ROOT, 'scripts/with-node24.sh'), ['npm', 'pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	) as Array<{ filename: string }>;
	const tarball = path.join(destination, packed.filename);
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map((entry) => entry.replace(/^package\//, ''));
	return { path: tarball, files };
}

export async function packAndLoad(): Promise<PackedPackage> {
	const work = mkdtempSync(path.join(tmpdir(), 'hellotext-tarball-'));
	try {
		const { path: tarball, files } = packTarball(work);
		const dir = path.join(work, 'node_modules', 'n8n-nodes-hellotext');
		mkdirSync(dir, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		// n8n provides the peer dependency n8n-workflow to the packages it installs; here the copy
		// n8n-core uses (test/support/n8n-install.ts), so `instanceof` checks hold across the two.
		mkdirSync(path.join(dir, 'node_modules'));
		symlinkSync(n8nModuleDir('n8n-workflow'), path.join(dir, 'node_modules', 'n8n-workflow'), 'dir');

		const loader = new PackageDirectoryLoader(dir);
		await loader.loadAll();
		const packageJson = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
		const cleanup = () => {
			// Forget the loaded modules, as n8n does when it unloads a package.
			loader.reset();
			rmSync(work, { recursive: true, force: true });
		};
		return { dir, files, packageJson, loader, cleanup };
	} catch (error) {
		rmSync(work, { recursive: true, force: true });
		throw error;
	}
}
