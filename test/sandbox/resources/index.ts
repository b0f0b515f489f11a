import type { HellotextSandbox } from '../server.ts';
import { registerActions } from './actions.ts';
import { registerApps } from './apps.ts';
import { registerCarts } from './carts.ts';
import { registerCoupons } from './coupons.ts';
import { registerEvents } from './events.ts';
import { registerForms } from './forms.ts';
import { registerLists } from './lists.ts';
import { registerMessages } from './messages.ts';
import { registerObjects } from './objects.ts';
import { registerOrders } from './orders.ts';
import { registerProducts } from './products.ts';
import { registerProfiles } from './profiles.ts';
import { registerProperties } from './properties.ts';
import { registerRefunds } from './refunds.ts';
import { registerSessions } from './sessions.ts';
import { registerTemplates } from './templates.ts';

/** Every resource's routes. */
export function registerAll(sb: HellotextSandbox): void {
	registerProfiles(sb);
	registerProperties(sb);
	registerLists(sb);
	registerCoupons(sb);
	registerEvents(sb);
	registerActions(sb);
	registerApps(sb);
	registerCarts(sb);
	registerForms(sb);
	registerOrders(sb);
	registerProducts(sb);
	registerRefunds(sb);
	registerSessions(sb);
	registerMessages(sb);
	registerTemplates(sb);
	registerObjects(sb);
}
