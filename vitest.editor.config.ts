import { defineConfig } from 'vitest/config';

// `npm run test:editor` (scripts/test-editor.sh): the browser test, one file, steps in order.
export default defineConfig({
	test: {
		include: ['test/editor/**/*.e2e.ts'],
		testTimeout: 300_000,
		hookTimeout: 600_000,
		pool: 'forks',
		fileParallelism: false,
		bail: 0,
	},
});
