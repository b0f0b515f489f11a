import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { Hellotext } from '../nodes/Hellotext/Hellotext.node.ts';
// @ts-expect-error plain ESM script without types
import { END, operationRows, operationsTable, requestsTable, START } from '../scripts/operations-table.mjs';

describe('README', () => {
	const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

	const between = (text: string) => text.slice(text.indexOf(START) + START.length, text.indexOf(END)).trim();

	it('lists exactly the operations the node has (run `node scripts/operations-table.mjs` after a build to refresh)', () => {
		expect(between(readme)).toBe(operationsTable(new Hellotext().description));
	});

	it('docs/operations.md gives each operation’s request, its path parameters named as the node’s parameters are', () => {
		const operations = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');
		const table = between(operations);
		expect(table).toBe(requestsTable(new Hellotext().description));
		const parameters = new Set(new Hellotext().description.properties.map((p) => p.name));
		const placeholders = [...table.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
		expect(placeholders.length).toBeGreaterThan(40);
		expect(placeholders.filter((name) => !parameters.has(name))).toEqual([]);
	});

	it('Compatibility names the exact n8n version and Node.js major of every tested line (scripts/cache.sh lines)', () => {
		const section = readme.slice(readme.indexOf('## Compatibility'), readme.indexOf('\n## ', readme.indexOf('## Compatibility') + 1));
		const lines = execFileSync(new URL('../scripts/cache.sh', import.meta.url).pathname, ['lines'], { encoding: 'utf8' }).trim().split('\n');
		expect(lines.length).toBeGreaterThanOrEqual(2);
		for (const line of lines) {
			const [n8nVersion, nodeMajor] = line.split(' ');
			expect(section).toContain(`n8n **${n8nVersion}** on Node.js ${nodeMajor}.x`);
		}
	});

	it('the node covers all 74 endpoints of the reference checklist, plus Create or Update', () => {
		const checklist = readFileSync(new URL('./fixtures/endpoints.md', import.meta.url), 'utf8');
		const endpoints = [...checklist.matchAll(/^\| \d+ \| [^|]+ \| [^|]+ \| (GET|POST|PATCH|DELETE) \| (\S+) \|/gm)].map(
			(m) => `${m[1]} /v1${m[2].replace(/:\w+/g, ':x')}`,
		);
		expect(endpoints).toHaveLength(74);
		const covered = new Set(
			operationRows(new Hellotext().description).map(
				(r: { method: string; path: string }) => `${r.method} ${r.path.replace(/\{\w+\}/g, ':x')}`,
			),
		);
		expect(endpoints.filter((e) => !covered.has(e))).toEqual([]);
	});
});
