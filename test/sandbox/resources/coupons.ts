import type { HellotextSandbox } from '../server.ts';

export function registerCoupons(sb: HellotextSandbox): void {
	void sb;
}
