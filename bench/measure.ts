// What the benchmark scenarios share: the row each one reports, and how they time and poll.
// bench/run.ts has its own copies of Row, stats and PollSession: they can go in favour of these.
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeParameters, Workflow } from 'n8n-workflow';

import { HellotextTrigger } from '../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { makeAdditionalData, type Engine } from '../test/harness/engine';

const TRIGGER = 'n8n-nodes-hellotext.hellotextTrigger';

/** One line of the benchmark's table. */
export interface Row {
	scenario: string;
	requests: number;
	floorRequests: number;
	wallMs: { min: number; median: number; max: number };
	floorWallMs: { min: number; median: number; max: number };
	ratio: number;
	peakRssMb: number;
	target: string;
	met: boolean;
	note?: string;
}

/** Polls the trigger as n8n does: one workflow kept across polls, each poll holding an expression isolate. */
export class PollSession {
	private workflow: Workflow | undefined;
	constructor(
		private readonly engine: Engine,
		private readonly parameters: INodeParameters,
	) {}
	async poll(): Promise<IDataObject[] | null> {
		let context: PollContext;
		if (!this.workflow) {
			context = this.engine.pollContext(this.parameters, TRIGGER, {}, 'trigger');
			this.workflow = (context as unknown as { workflow: Workflow }).workflow;
		} else {
			const node = this.workflow.getNode('Hellotext Trigger')!;
			context = new PollContext(this.workflow, node, makeAdditionalData(this.engine.credentialsHelper), 'trigger', 'activate');
		}
		const result = await this.workflow.expression.withIsolate(async () => await new HellotextTrigger().poll.call(context));
		return result === null ? null : result[0].map((item) => item.json);
	}
}

/** Fastest, median and slowest of `values`. */
export const stats = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

/** Wall time of `run`, and the highest RSS seen while it ran (sampled every 5 ms). */
export async function measured<T>(run: () => Promise<T>): Promise<{ ms: number; peakRssMb: number; value: T }> {
	const rss = () => process.memoryUsage.rss() / 2 ** 20;
	let peak = rss();
	const sampler = setInterval(() => (peak = Math.max(peak, rss())), 5);
	const start = performance.now();
	try {
		const value = await run();
		return { ms: performance.now() - start, peakRssMb: Math.max(peak, rss()), value };
	} finally {
		clearInterval(sampler);
	}
}
