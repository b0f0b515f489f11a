import type { HellotextSandbox } from '../server.ts';

export function registerProducts(sb: HellotextSandbox): void {
	void sb;
}
