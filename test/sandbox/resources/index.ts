import type { HellotextSandbox } from '../server.ts';
import { registerLists } from './lists.ts';
import { registerProfiles } from './profiles.ts';
import { registerProperties } from './properties.ts';

/** Every resource's routes. Each later resource adds its register function here. */
export function registerAll(sb: HellotextSandbox): void {
	registerProfiles(sb);
	registerProperties(sb);
	registerLists(sb);
}
