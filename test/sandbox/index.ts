import { registerAdmin } from './admin.ts';
import { registerAll } from './resources/index.ts';
import { HellotextSandbox } from './server.ts';

export { ADMIN_PREFIX, HellotextSandbox } from './server.ts';
export type { SandboxStats } from './admin.ts';
export type { RecordedRequest, Fault, StoredObject } from './server.ts';

/** A sandbox with every implemented resource's routes and the admin routes, not yet listening. */
export function createSandbox(token?: string): HellotextSandbox {
	const sandbox = new HellotextSandbox(token);
	registerAll(sandbox);
	registerAdmin(sandbox);
	return sandbox;
}
