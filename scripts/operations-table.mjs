// Writes the README's operations table from the node description, so the two cannot drift.
// `node scripts/operations-table.mjs` (after `npm run build`) rewrites README.md between the
// markers; test/readme.test.ts fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const START = '<!-- operations:start -->';
export const END = '<!-- operations:end -->';

/** One row per resource/operation pair: resource, operation, method and path. */
export function operationRows(description) {
	const resources = description.properties.find((p) => p.name === 'resource').options;
	const rows = [];
	for (const resource of resources) {
		const picker = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const operation of picker.options) {
			const { method, url } = operation.routing.request;
			rows.push({ resource: resource.name, operation: operation.name, method, path: `/v1${url}`, action: operation.action });
		}
	}
	return rows;
}

/**
 * A path placeholder as the table shows it: named after the field's label (`{listProfileId}`,
 * labelled "Profile", reads `:profileId`), as the API reference names path parts.
 */
function placeholder(description, parameter) {
	const field = description.properties.find((p) => p.name === parameter);
	if (!field) return `:${parameter}`;
	const [first, ...rest] = field.displayName.replace(/ ID$/, '').split(' ');
	return `:${first.toLowerCase()}${rest.join('')}Id`;
}

export function operationsTable(description) {
	const rows = operationRows(description);
	const lines = [
		`${rows.length} operations in ${new Set(rows.map((r) => r.resource)).size} resources.`,
		'',
		'| Resource | Operation | Request |',
		'|---|---|---|',
		...rows.map(
			(r) =>
				`| ${r.resource} | ${r.operation} | \`${r.method} ${r.path.replace(/\{(\w+)\}/g, (_, name) => placeholder(description, name))}\` |`,
		),
	];
	return lines.join('\n');
}

export function replaceTable(readme, table) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error('README.md has no operations markers');
	return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const require = createRequire(import.meta.url);
	const { Hellotext } = require('../dist/nodes/Hellotext/Hellotext.node.js');
	const readme = readFileSync('README.md', 'utf8');
	writeFileSync('README.md', replaceTable(readme, operationsTable(new Hellotext().description)));
	console.log('README.md operations table updated');
}
