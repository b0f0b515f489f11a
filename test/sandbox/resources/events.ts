import type { HellotextSandbox } from '../server.ts';

export function registerEvents(sb: HellotextSandbox): void {
	sb.crud('/v1/attribution/events', 'events', 'events', 'event');
}
