// Writes the operations tables from the node description, so that they cannot drift: the README's
// (each resource and its operations) and docs/operations.md's (each operation's request, its path
// parameters named as the node's parameters are). `node scripts/operations-table.mjs` (after
// `npm run build`) rewrites both between the markers; test/readme.test.ts fails while one is stale.
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

const summary = (rows) => `${rows.length} operations in ${new Set(rows.map((r) => r.resource)).size} resources.`;

/** The README's table: each resource and its operations. */
export function operationsTable(description) {
	const rows = operationRows(description);
	const byResource = new Map();
	for (const row of rows) byResource.set(row.resource, [...(byResource.get(row.resource) ?? []), row.operation]);
	return [
		`${summary(rows)} The request each one sends: [docs/operations.md](docs/operations.md).`,
		'',
		'| Resource | Operations |',
		'|---|---|',
		...[...byResource].map(([resource, operations]) => `| ${resource} | ${operations.join(', ')} |`),
	].join('\n');
}

/** docs/operations.md's table: each operation's request; `{placeholders}` are the node's parameters. */
export function requestsTable(description) {
	const rows = operationRows(description);
	return [
		summary(rows),
		'',
		'| Resource | Operation | Request |',
		'|---|---|---|',
		...rows.map((r) => `| ${r.resource} | ${r.operation} | \`${r.method} ${r.path}\` |`),
	].join('\n');
}

export function replaceTable(text, table) {
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start === -1 || end === -1) throw new Error('no operations markers');
	return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const require = createRequire(import.meta.url);
	const { Hellotext } = require('../dist/nodes/Hellotext/Hellotext.node.js');
	const { description } = new Hellotext();
	for (const [file, table] of [
		['README.md', operationsTable(description)],
		['docs/operations.md', requestsTable(description)],
	]) {
		writeFileSync(file, replaceTable(readFileSync(file, 'utf8'), table));
		console.log(`${file}: operations table updated`);
	}
}
