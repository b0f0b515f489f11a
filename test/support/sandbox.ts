import { afterAll, afterEach, beforeAll } from 'vitest';

import { createSandbox, type HellotextSandbox } from '../sandbox/index.ts';
import { Engine } from './engine';
import type { Obj } from './types';

export interface TestEnv {
	sandbox: HellotextSandbox;
	engine: Engine;
}

/** A sandbox on a free loopback port and an engine whose credential points at it, per test file. */
export function useSandbox(): TestEnv {
	const env = {} as TestEnv;
	beforeAll(async () => {
		env.sandbox = createSandbox('test-token-123');
		const url = await env.sandbox.start(0);
		env.engine = new Engine({ baseUrl: url, token: env.sandbox.token });
	});
	afterEach(() => env.sandbox.reset());
	afterAll(async () => env.sandbox.stop());
	return env;
}

export const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** Runs the node on one resource: `run('create', { ... })`. */
export const resourceRunner =
	(env: TestEnv, resource: string) =>
	(operation: string, parameters: Obj = {}) =>
		env.engine.run({ resource, operation, ...parameters });
