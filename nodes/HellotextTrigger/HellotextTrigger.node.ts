import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../Hellotext/shared/cursor';
import { HELLOTEXT_CREDENTIALS, HELLOTEXT_ICON } from '../Hellotext/shared/transport';
import { catchUp } from './backlog';
import { positionAt, type Position } from './position';
import { firstPage, getEventTypes, listPages, streamFor, type Stream } from './streams';

const DEFAULT_MAX_ITEMS = 500;
/** A manual run with an event type filter looks this many pages deep for a matching event. */
const SAMPLE_MAX_PAGES = 10;

/** "Fetch Test Event": the newest matching object, without touching the saved position. */
async function sample(context: IPollFunctions, stream: Stream): Promise<IDataObject> {
	if (!stream.filtered) {
		const [newest] = await firstPage(context, stream, 1);
		if (newest) return newest;
	} else {
		let pages = 0;
		for await (const page of listPages(context, stream)) {
			const found = page.find(stream.matches);
			if (found) return found;
			if (++pages >= SAMPLE_MAX_PAGES) break;
		}
	}
	throw new NodeOperationError(
		context.getNode(),
		`There are no ${stream.noun} in this Hellotext account yet: ${stream.firstStep}, then fetch again`,
		{
			description: stream.filtered
				? `Looked through the newest ${SAMPLE_MAX_PAGES * MAX_PAGE_SIZE} events`
				: undefined,
		},
	);
}

export class HellotextTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hellotext Trigger',
		name: 'hellotextTrigger',
		icon: HELLOTEXT_ICON,
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["triggerOn"] === "event" ? "New Event" : "New Profile"}}',
		description: 'Starts the workflow when Hellotext profiles or events are created',
		defaults: { name: 'Hellotext Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: HELLOTEXT_CREDENTIALS,
		properties: [
			{
				displayName: 'Trigger On',
				name: 'triggerOn',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Event',
						value: 'event',
						description: 'An event is tracked (an order placed, a cart abandoned, a custom action…)',
					},
					{ name: 'New Profile', value: 'profile', description: 'A profile is created' },
				],
				default: 'profile',
			},
			{
				displayName: 'Event Type Names or IDs',
				name: 'eventTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEventTypes' },
				displayOptions: { show: { triggerOn: ['event'] } },
				default: [],
				description:
					'Only events of these types (the API’s actions) start the workflow; none chosen means every event. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Items per Poll',
						name: 'maxItems',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_MAX_ITEMS,
						description:
							'The most objects one poll emits, oldest first; the rest follow in the next polls',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getEventTypes } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const stream = streamFor(this);
		if (this.getMode() === 'manual') {
			return [this.helpers.returnJsonArray([await sample(this, stream)])];
		}
		// n8n starts a poll on every tick without waiting for the one before: two polls of this node
		// would read the same position and emit the same objects. The later one stands down; the
		// running one delivers, and whatever it leaves is the next tick's.
		const key = `${this.getWorkflow().id ?? ''}\u0000${this.getNode().id}`;
		if (pollsRunning.has(key)) return null;
		pollsRunning.add(key);
		try {
			return await pollFrom(this, stream);
		} finally {
			pollsRunning.delete(key);
		}
	}
}

/** The polls of active triggers running in this process now, by workflow and node. */
const pollsRunning = new Set<string>();

/** One poll of an active trigger: activation, or what arrived since the saved position. */
async function pollFrom(context: IPollFunctions, stream: Stream): Promise<INodeExecutionData[][] | null> {
	const staticData = context.getWorkflowStaticData('node');
	const saved = staticData.position as Position | undefined;
	if (saved?.fingerprint !== stream.fingerprint) {
		// First activation, or the stream or its filters changed: start from where it stands now.
		staticData.position = positionAt(await firstPage(context, stream), 0, stream.fingerprint);
		return null;
	}

	const options = context.getNodeParameter('options', {}) as IDataObject;
	const cap = Math.max(1, Math.floor(Number(options.maxItems ?? DEFAULT_MAX_ITEMS) || DEFAULT_MAX_ITEMS));
	const { emitted, position } = await catchUp(context, stream, saved, cap);
	// A fresh object, so that n8n notices the change (it saves only when this poll emits).
	if (JSON.stringify(position) !== JSON.stringify(saved)) staticData.position = position;
	return emitted.length > 0 ? [context.helpers.returnJsonArray(emitted)] : null;
}
