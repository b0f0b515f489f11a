// npm run test:install: the README's manual install on every tested n8n line (test/install). Slow (real
// n8n processes, and n8n installs into the cache folder when missing), so not part of `npm test`.
import { configDefaults, defineConfig } from 'vitest/config';

import base from './vitest.config';

export default defineConfig({
	...base,
	test: {
		...base.test,
		include: ['test/install/**/*.test.ts'],
		exclude: configDefaults.exclude,
		testTimeout: 10 * 60_000,
		hookTimeout: 40 * 60_000,
	},
});
