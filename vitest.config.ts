import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	resolve: {
		// n8n-core loads n8n-workflow's CommonJS build; the node code must get the same copy, or
		// `instanceof NodeApiError` fails across the two.
		alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
	},
	test: {
		include: ['test/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		pool: 'forks',
		// n8n-core prints the message of every error a node run ends on; show it only for failures.
		silent: 'passed-only',
	},
});
