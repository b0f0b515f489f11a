import type { HellotextSandbox } from '../server.ts';

export function registerForms(sb: HellotextSandbox): void {
	void sb;
}
