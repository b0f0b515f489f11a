import { registerAll } from './resources/index.ts';
import { HellotextSandbox } from './server.ts';

export { HellotextSandbox } from './server.ts';
export type { RecordedRequest, Fault, StoredObject } from './server.ts';

/** A sandbox with every implemented resource's routes, not yet listening. */
export function createSandbox(token?: string): HellotextSandbox {
	const sandbox = new HellotextSandbox(token);
	registerAll(sandbox);
	return sandbox;
}
