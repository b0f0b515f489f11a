// `npm run schemas`: writes the Hellotext node's output schemas (nodes/Hellotext/__schema__), one
// per operation, derived from the sandbox's answers (see test/schemas/generate.ts). Run it after
// changing an operation or its inputs in test/schemas/operations.ts; a test fails while they are stale.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { generateSchemas, schemaFile, SCHEMA_DIR, serialize } from '../test/schemas/generate';

async function main() {
	const schemas = await generateSchemas();
	rmSync(SCHEMA_DIR, { recursive: true, force: true });
	let written = 0;
	for (const [operation, schema] of Object.entries(schemas)) {
		const file = path.join(SCHEMA_DIR, schemaFile(operation));
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, serialize(schema));
		written++;
	}
	console.log(`Wrote ${written} schemas, one per operation, to ${path.relative(process.cwd(), SCHEMA_DIR)}/`);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
