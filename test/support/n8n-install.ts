// Which n8n the tests run on. By default the repository's n8n-core and n8n-workflow (the n8n 2.x
// devDependencies). With HELLOTEXT_N8N_DIR=<folder of an n8n install> (a folder whose node_modules holds
// n8n, as scripts/n8n-install.sh makes), that install's own copies instead: CI runs the packed-package
// test this way on n8n 1.123 under Node 22. Both the tests and the package under test must get the same
// n8n-workflow, or `instanceof NodeApiError` fails across the two copies.
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const N8N_DIR = process.env.HELLOTEXT_N8N_DIR ? path.resolve(process.env.HELLOTEXT_N8N_DIR) : undefined;

const requireFromN8n = createRequire(path.join(N8N_DIR ?? ROOT, 'package.json'));

/** The CommonJS entry point of n8n-core or n8n-workflow (what n8n-core itself requires). */
export const n8nModuleEntry = (name: 'n8n-core' | 'n8n-workflow') => requireFromN8n.resolve(name);

/** The package folder of n8n-core or n8n-workflow. */
export const n8nModuleDir = (name: 'n8n-core' | 'n8n-workflow') => path.dirname(requireFromN8n.resolve(`${name}/package.json`));

/** The version of n8n-core or n8n-workflow the tests run on. */
export const n8nModuleVersion = (name: 'n8n-core' | 'n8n-workflow') => (requireFromN8n(`${name}/package.json`) as { version: string }).version;
