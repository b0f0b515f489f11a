#!/usr/bin/env node
// npm run scan: the check n8n runs before a community package may be verified
// (@n8n/scan-community-package), run on what `npm pack` would publish. Builds nothing: run
// `npm run build` first. Like the real scanner it lints two legs:
//   - the packed tarball, unpacked (its compiled .js, the codex .json files and package.json);
//   - the source files the scanner reads from the attested source checkout (package.json,
//     nodes/ and credentials/), here the working tree.
// Prints the findings and exits 1 on any error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist'))) {
	console.error('scan: dist/ is missing. Run `npm run build` first.');
	process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'hellotext-scan-'));
let failed = false;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	)[0];
	const unpacked = path.join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', unpacked, '--strip-components=1']);
	console.log(`Scanning ${packed.id} (${packed.entryCount} files packed)`);

	const legs = [
		{ name: 'packed tarball', dir: unpacked, patterns: undefined },
		{ name: 'source (package.json, nodes/, credentials/)', dir: root, patterns: SOURCE_FILE_PATTERNS },
	];
	for (const leg of legs) {
		const result = await analyzePackage(leg.dir, leg.patterns);
		if (result.passed) {
			console.log(`✅ ${leg.name}: passed${result.message ? ` - ${result.message}` : ''}`);
		} else {
			failed = true;
			console.log(`❌ ${leg.name}: ${result.message}`);
			if (result.details) console.log(result.details);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (failed) {
	console.log('Scan failed: fix the findings above.');
	process.exit(1);
}
console.log('✅ Scan passed');
