// The output schemas n8n serves to the editor (GET /schemas/<package>.hellotext/1.0.0/<resource>/<operation>.json):
// one per operation of the node description, up to date with what the operations return, and
// in the packed package where n8n-core's resolver looks for them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { loadOutputSchema, resolveOutputSchemaPath } from 'n8n-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { packAndLoad, type PackedPackage } from '../package/tarball';
import { generateSchemas, schemaFile, SCHEMA_DIR, SCHEMA_VERSION_DIR, serialize, type JsonSchema } from './generate';
import { describedOperations } from './operations';

/** The committed schema files (one per operation), by path relative to the schema folder. */
function committed(): Record<string, string> {
	if (!existsSync(SCHEMA_DIR)) return {};
	return Object.fromEntries(
		(readdirSync(SCHEMA_DIR, { recursive: true }) as string[])
			.filter((file) => file.endsWith('.json'))
			.map((file) => [file.split(path.sep).join('/'), readFileSync(path.join(SCHEMA_DIR, file), 'utf8')]),
	);
}

describe('output schemas (__schema__)', () => {
	const operations = describedOperations();

	it('exist for every resource/operation pair of the node description, and nothing else', () => {
		expect(operations.length, 'the node description’s operations').toBeGreaterThanOrEqual(75);
		expect(Object.keys(committed()).sort()).toEqual(operations.map(schemaFile).sort());
	});

	it('are what `npm run schemas` derives from the sandbox’s answers now', async () => {
		const schemas = await generateSchemas();
		const files = committed();
		const stale = operations.filter((operation) => files[schemaFile(operation)] !== serialize(schemas[operation]));
		expect(stale, 'stale schemas: run `npm run schemas`').toEqual([]);
	}, 180_000);

	it('are objects with fields, as the editor requires (it rejects a schema without properties)', () => {
		for (const [file, text] of Object.entries(committed())) {
			const schema = JSON.parse(text) as JsonSchema;
			expect(schema.type, file).toBe('object');
			expect(Object.keys(schema.properties ?? {}).length, file).toBeGreaterThan(0);
		}
		const profile = JSON.parse(committed()[schemaFile('profile/get')]) as JsonSchema;
		expect(profile.properties).toMatchObject({
			id: { type: 'string' },
			emails: { type: 'array', items: { type: 'string' } },
			lists: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
		});
	});

	describe('in the packed tarball', () => {
		let pkg: PackedPackage;
		beforeAll(async () => {
			pkg = await packAndLoad();
		}, 120_000);
		afterAll(() => pkg?.cleanup());

		it('sit next to the compiled node, in the folder of its one version, where n8n-core’s resolver finds each one', () => {
			const nodeFile = pkg.loader.resolveSourcePath(pkg.loader.known.nodes.hellotext.sourcePath);
			const nodeDir = path.dirname(nodeFile);
			expect(path.relative(pkg.dir, nodeDir)).toBe('dist/nodes/Hellotext');
			// The folder n8n's editor asks in: GET /schemas/<node>/1.0.0/... for a node of typeVersion 1.
			const files = committed();
			for (const operation of operations) {
				const [resource, op] = operation.split('/');
				const file = `${SCHEMA_VERSION_DIR}/${operation}.json`;
				expect(pkg.files, file).toContain(`dist/nodes/Hellotext/__schema__/${file}`);
				// What n8n's GET /schemas/:node/:version/:resource/:operation.json serves ("1.0.0").
				const served = resolveOutputSchemaPath({ nodeDir, version: '1.0.0', resource, operation: op });
				expect(served && readFileSync(served, 'utf8'), file).toBe(files[schemaFile(operation)]);
				// What the backend reads for a node of typeVersion 1 (e.g. for AI tools).
				expect(loadOutputSchema({ nodeDir, version: 1, resource, operation: op, versionFallback: true }), file).toEqual(
					JSON.parse(files[schemaFile(operation)]),
				);
			}
			expect(pkg.files.filter((name) => name.includes('__schema__/v2'))).toEqual([]);
		});
	});
});
