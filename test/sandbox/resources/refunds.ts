import type { HellotextSandbox } from '../server.ts';

export function registerRefunds(sb: HellotextSandbox): void {
	void sb;
}
