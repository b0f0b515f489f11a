import { configDefaults, defineConfig } from 'vitest/config';

import { n8nModuleEntry } from './test/support/n8n-install';

export default defineConfig({
	resolve: {
		// n8n-core loads n8n-workflow's CommonJS build; the node code must get the same copy, or
		// `instanceof NodeApiError` fails across the two. HELLOTEXT_N8N_DIR points both at another n8n
		// install (test/support/n8n-install.ts).
		alias: { 'n8n-workflow': n8nModuleEntry('n8n-workflow'), 'n8n-core': n8nModuleEntry('n8n-core') },
	},
	test: {
		include: ['test/**/*.test.ts'],
		// The README's manual install runs real n8n processes: npm run test:install (vitest.install.config.ts).
		exclude: [...configDefaults.exclude, 'test/install/**'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		pool: 'forks',
		// n8n-core prints the message of every error a node run ends on; show it only for failures.
		silent: 'passed-only',
	},
});
