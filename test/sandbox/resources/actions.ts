import type { HellotextSandbox } from '../server.ts';

export function registerActions(sb: HellotextSandbox): void {
	void sb;
}
