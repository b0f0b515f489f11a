import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { BUILT_IN_EVENT_TYPES } from '../../../nodes/Hellotext/shared/eventTypes';
import { HellotextTrigger } from '../../../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { TRIGGER_TYPE, useTriggerSandbox } from './poller';

/** Event > Track's Event Type dropdown: the options property that offers `order.placed`. */
function trackEventTypeOptions(): INodePropertyOptions[] {
	const picker = new Hellotext().description.properties.find(
		(property: INodeProperties) =>
			property.type === 'options' &&
			(property.options as INodePropertyOptions[] | undefined)?.some((option) => option.value === 'order.placed'),
	);
	expect(picker, 'Event > Track has an Event Type dropdown').toBeDefined();
	return picker!.options as INodePropertyOptions[];
}

describe('Hellotext Trigger event type filter', () => {
	const env = useTriggerSandbox();

	it('names the built-in event types as Track does ("App: Installed"), and keeps the account’s own', async () => {
		env.sandbox.insert('actions', 'action', { name: 'signup.completed', title: 'Signup completed', goal: false, passive: true });
		const context = env.engine.loadOptionsContext({ triggerOn: 'event' }, TRIGGER_TYPE);
		const options = await new HellotextTrigger().methods.loadOptions.getEventTypes.call(context);

		expect(options).toContainEqual({ name: 'App: Installed', value: 'app.installed' });
		expect(options).toContainEqual({ name: 'Page: Viewed', value: 'page.viewed' });
		const trackNames = new Map(trackEventTypeOptions().map((option) => [option.value, option.name]));
		for (const eventType of Object.values(BUILT_IN_EVENT_TYPES).flat()) {
			const option = options.find((candidate) => candidate.value === eventType);
			expect(option, eventType).toBeDefined();
			expect(option!.name, eventType).toBe(trackNames.get(eventType));
			expect(option!.name, eventType).not.toBe(eventType);
		}
		expect(options).toContainEqual({ name: 'Signup completed (signup.completed)', value: 'signup.completed' });
		// Track's "Custom Event Type" switch is not an event type to filter on.
		expect(options.map((option) => option.value)).not.toContain('custom');
		expect(options).toHaveLength(Object.values(BUILT_IN_EVENT_TYPES).flat().length + 1);
	});
});
