// Runs a whole workflow file (examples/*.json, the format n8n exports and `n8n import:workflow`
// reads) through n8n-core's WorkflowExecute, from its Manual Trigger, as a manual execution does.
import { readFileSync } from 'node:fs';

import {
	Workflow,
	type IConnections,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IWorkflowSettings,
} from 'n8n-workflow';

import { executeFrom, makeAdditionalData, manualRunHooks, type Engine } from '../support/engine';

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	active?: boolean;
}

export const readWorkflow = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as WorkflowFile;

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/**
 * A stand-in for n8n-nodes-base's Manual Trigger (not installed here): in a manual execution
 * the real one emits one empty item, which is what this does.
 */
export const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'],
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	},
};

export interface WorkflowRun {
	run: IRun;
	/** Output items (main output 0, first run) of the named node. */
	output(nodeName: string): INodeExecutionData[];
	error?: Error;
}

export async function runWorkflow(engine: Engine, data: WorkflowFile): Promise<WorkflowRun> {
	const workflow = new Workflow({
		id: data.id,
		name: data.name,
		nodes: data.nodes,
		connections: data.connections,
		active: false,
		nodeTypes: engine.nodeTypes,
		settings: data.settings,
	});
	const start = data.nodes.find((node) => node.type === MANUAL_TRIGGER);
	if (!start) throw new Error(`${data.name} has no Manual Trigger`);
	const { hooks, finished } = manualRunHooks(data as never);
	// A manual execution starts the Manual Trigger with one empty item.
	await executeFrom(workflow, workflow.getNode(start.name)!, [{ json: {} }], makeAdditionalData(engine.credentialsHelper, hooks));
	const run = await finished;
	return {
		run,
		output: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		error: run.data.resultData.error as Error | undefined,
	};
}
