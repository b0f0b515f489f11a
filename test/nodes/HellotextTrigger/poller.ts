// Drives the trigger through n8n-core's PollContext and keeps its static data the way n8n does:
// one live object across polls, saved (deep-copied) only after a poll that returned items or after
// the activation poll, and only when n8n would notice the change (a top-level assignment); never in
// manual mode. A restart (or re-activation after an edit) reloads it from the saved copy.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeParameters, Workflow, WorkflowExecuteMode } from 'n8n-workflow';

import { Engine, makeAdditionalData } from '../../support/engine';
import type { TestEnv } from '../../support/sandbox';
import { createSandbox, type RecordedRequest } from '../../sandbox/index.ts';
import { HellotextTrigger } from '../../../nodes/HellotextTrigger/HellotextTrigger.node.ts';

export const TRIGGER_TYPE = 'n8n-nodes-hellotext.hellotextTrigger';
/** The node name Engine.pollContext gives the trigger. */
const TRIGGER_NAME = 'Hellotext Trigger';
const nodeTypes = { [TRIGGER_TYPE]: new HellotextTrigger() };

/** `useSandbox()` with the trigger among the engine's node types. */
export function useTriggerSandbox(): TestEnv {
	const env = {} as TestEnv;
	beforeAll(async () => {
		env.sandbox = createSandbox('test-token-123');
		const url = await env.sandbox.start(0);
		env.engine = new Engine({ baseUrl: url, token: env.sandbox.token, nodeTypes });
	});
	afterEach(() => env.sandbox.reset());
	afterAll(async () => env.sandbox.stop());
	return env;
}

/** An engine whose credential holds another token (for 401s). */
export const engineWithToken = (env: TestEnv, token: string) =>
	new Engine({ baseUrl: env.sandbox.url, token, nodeTypes });

export interface PollResult {
	/** The emitted objects, or null when the poll returned null. */
	items: IDataObject[] | null;
	error?: Error & { httpCode?: string; description?: string };
	/** What the sandbox received during this poll. */
	requests: RecordedRequest[];
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What n8n-core's ObservableObject sets on the workflow's static data when a key is assigned. */
type StaticData = IDataObject & { __dataChanged?: boolean };

export class TriggerSession {
	/** What n8n has stored in the database. */
	saved: IDataObject | undefined;
	/** The static data object of the running workflow (the node's part). */
	live: IDataObject = {};
	/** The active workflow, kept across polls as n8n keeps it; none before activation. */
	private workflow: Workflow | undefined;

	constructor(
		private readonly env: TestEnv,
		private parameters: INodeParameters,
		/** The engine whose credential the polls use; swap it to change the token. */
		public engine: Engine = env.engine,
		/** The trigger node's id (its workflow is always wf-1). */
		private readonly nodeId = 'node-1',
	) {}

	private context(mode: WorkflowExecuteMode): PollContext {
		if (mode === 'manual') {
			// "Fetch Test Event" runs on the editor's copy of the workflow: never saved.
			return this.engine.pollContext(this.parameters, TRIGGER_TYPE, this.live, 'manual', { id: this.nodeId });
		}
		if (!this.workflow) {
			this.live = copy(this.saved ?? {});
			const context = this.engine.pollContext(this.parameters, TRIGGER_TYPE, this.live, mode, { id: this.nodeId });
			this.workflow = (context as unknown as { workflow: Workflow }).workflow;
			return context;
		}
		const node = this.workflow.getNode(TRIGGER_NAME)!;
		return new PollContext(this.workflow, node, makeAdditionalData(this.engine.credentialsHelper), mode, 'activate');
	}

	/** Runs one poll; the first one after activation (or a restart) is the activation poll. */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollResult> {
		const activation = mode !== 'manual' && !this.workflow;
		const context = this.context(mode);
		const before = this.env.sandbox.requests.length;
		let items: IDataObject[] | null = null;
		let error: PollResult['error'];
		try {
			const result = await nodeTypes[TRIGGER_TYPE].poll.call(context);
			items = result === null ? null : result[0].map((item) => item.json);
		} catch (caught) {
			error = caught as PollResult['error'];
			// A failed activation leaves the workflow inactive.
			if (activation) this.workflow = undefined;
		}
		const requests = this.env.sandbox.requests.slice(before);
		if (!error && mode !== 'manual' && (activation || items !== null)) this.save();
		return { items, error, requests };
	}

	/** WorkflowStaticDataService.saveStaticData: saves only what n8n noticed changing. */
	private save(): void {
		const staticData = this.workflow!.staticData as StaticData;
		if (staticData.__dataChanged !== true) return;
		this.saved = copy(this.live);
		staticData.__dataChanged = false;
	}

	/** n8n restarts, or the workflow is saved and re-activated: the live data is what was saved. */
	restart(parameters: INodeParameters = this.parameters): void {
		this.parameters = parameters;
		this.workflow = undefined;
	}
}

export const ids = (objects: IDataObject[] | null) => (objects ?? []).map((object) => object.id as string);
