import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Hellotext } from '../../../nodes/Hellotext/Hellotext.node.ts';
import { BUILT_IN_ACTIONS } from '../../../nodes/Hellotext/shared/actions';
import { HellotextTrigger } from '../../../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { TRIGGER_TYPE, useTriggerSandbox } from './poller';

/** Event > Track's action dropdown: the options property that offers `order.placed`. */
function trackActionOptions(): INodePropertyOptions[] {
	const picker = new Hellotext().description.properties.find(
		(property: INodeProperties) =>
			property.type === 'options' &&
			(property.options as INodePropertyOptions[] | undefined)?.some((option) => option.value === 'order.placed'),
	);
	expect(picker, 'Event > Track has an action dropdown').toBeDefined();
	return picker!.options as INodePropertyOptions[];
}

describe('Hellotext Trigger action filter', () => {
	const env = useTriggerSandbox();

	it('names the built-in actions as Track does ("App: Installed"), and keeps the custom ones', async () => {
		env.sandbox.insert('actions', 'action', { name: 'signup.completed', title: 'Signup completed', goal: false, passive: true });
		const context = env.engine.loadOptionsContext({ triggerOn: 'event' }, TRIGGER_TYPE);
		const options = await new HellotextTrigger().methods.loadOptions.getEventActions.call(context);

		expect(options).toContainEqual({ name: 'App: Installed', value: 'app.installed' });
		expect(options).toContainEqual({ name: 'Order: Printed Label', value: 'order.printed_label' });
		const trackNames = new Map(trackActionOptions().map((option) => [option.value, option.name]));
		for (const action of Object.values(BUILT_IN_ACTIONS).flat()) {
			const option = options.find((candidate) => candidate.value === action);
			expect(option, action).toBeDefined();
			expect(option!.name, action).toBe(trackNames.get(action));
			expect(option!.name, action).not.toBe(action);
		}
		expect(options).toContainEqual({ name: 'Signup completed (signup.completed)', value: 'signup.completed' });
		// Track's "Custom Action" switch is not an action to filter on.
		expect(options.map((option) => option.value)).not.toContain('custom');
		expect(options).toHaveLength(Object.values(BUILT_IN_ACTIONS).flat().length + 1);
	});
});
