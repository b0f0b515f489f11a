import type { HellotextSandbox } from '../server.ts';

export function registerApps(sb: HellotextSandbox): void {
	void sb;
}
