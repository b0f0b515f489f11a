import type { HellotextSandbox } from '../server.ts';

export function registerOrders(sb: HellotextSandbox): void {
	void sb;
}
