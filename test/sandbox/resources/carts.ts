import type { HellotextSandbox } from '../server.ts';

export function registerCarts(sb: HellotextSandbox): void {
	void sb;
}
