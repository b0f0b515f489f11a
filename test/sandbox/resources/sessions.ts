import type { HellotextSandbox } from '../server.ts';

export function registerSessions(sb: HellotextSandbox): void {
	void sb;
}
