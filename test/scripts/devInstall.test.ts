// `npm run dev`'s first run installs n8n into the cache folder: npm's hundreds of warning lines go
// to a log that is shown only when the install fails. Runs scripts/dev.sh --install against an
// empty cache folder with an `npm` first on PATH that prints like npm and succeeds or fails as told.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const WARNINGS = 300;

describe('scripts/dev.sh --install', () => {
	let work = '';
	afterEach(() => rmSync(work, { recursive: true, force: true }));

	function install(npmExitCode: number) {
		work = mkdtempSync(path.join(tmpdir(), 'hellotext-dev-install-'));
		const bin = path.join(work, 'bin');
		mkdirSync(bin);
		writeFileSync(
			path.join(bin, 'npm'),
			`#!/usr/bin/env bash\necho "npm $*" >>"${work}/npm-calls"\n` +
				`for i in $(seq 1 ${WARNINGS}); do echo "npm warn deprecated package-$i@1.0.0: no longer supported" >&2; done\n` +
				`exit ${npmExitCode}\n`,
		);
		chmodSync(path.join(bin, 'npm'), 0o755);
		const cache = path.join(work, 'cache');
		const result = spawnSync('bash', [path.join(ROOT, 'scripts/dev.sh'), '--install'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, N8N_NODES_HELLOTEXT_CACHE: cache },
		});
		return { ...result, cache, output: result.stdout + result.stderr };
	}

	it('keeps npm’s output in a log and prints two lines when the install succeeds', () => {
		const { status, output, stderr, stdout, cache } = install(0);
		expect(status).toBe(0);
		expect(output).not.toContain('npm warn');
		expect(stderr.trim().split('\n')).toEqual([
			expect.stringMatching(/^Installing n8n@2\.41\.1 under Node 24 into .*; log: .*n8n-2\.41\.1-install\.log\)\.\.\.$/),
			'n8n@2.41.1 installed.',
		]);
		expect(stdout.trim()).toBe(path.join(cache, 'n8n-2.41.1'));
		expect(readFileSync(path.join(work, 'npm-calls'), 'utf8')).toMatch(/^npm install .*n8n@2\.41\.1\nnpm rebuild sqlite3\n$/);
		expect(readFileSync(path.join(cache, 'n8n-2.41.1-install.log'), 'utf8').match(/npm warn/g)).toHaveLength(2 * WARNINGS);
		expect(existsSync(path.join(cache, 'n8n-2.41.1', '.installed'))).toBe(true);
	});

	it('prints npm’s output and fails when the install fails, leaving n8n marked not installed', () => {
		const { status, output, cache } = install(1);
		expect(status).toBe(1);
		expect(output.match(/npm warn deprecated/g)).toHaveLength(WARNINGS);
		expect(output).toMatch(/installing n8n@2\.41\.1 failed \(output above, also in .*n8n-2\.41\.1-install\.log\)/);
		expect(existsSync(path.join(cache, 'n8n-2.41.1', '.installed'))).toBe(false);
	});
});
