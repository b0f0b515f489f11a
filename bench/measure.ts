// What the benchmark scenarios share: the row each one reports, and how they time and poll.
import { PollContext } from 'n8n-core';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType, Workflow } from 'n8n-workflow';

import { HellotextTrigger } from '../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { makeAdditionalData, type Engine } from '../test/support/engine';

export const TRIGGER = 'n8n-nodes-hellotext.hellotextTrigger';

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

const rssMb = () => process.memoryUsage.rss() / 2 ** 20;

/**
 * Wall time of `run`, the highest RSS seen while it ran (sampled every 5 ms) and how far that is
 * above the RSS before it (after a GC when the process runs with --expose-gc).
 */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T; peakRssMb: number; growthMb: number }> {
	(globalThis as { gc?: () => void }).gc?.();
	const before = rssMb();
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 5);
	const start = performance.now();
	try {
		const value = await run();
		peak = Math.max(peak, rssMb());
		return { ms: performance.now() - start, value, peakRssMb: peak, growthMb: peak - before };
	} finally {
		clearInterval(sampler);
	}
}

/** Timed runs collected one by one: their stats, the peak RSS and growth over all, and the last value. */
function series<T>() {
	const times: number[] = [];
	let peak = 0;
	let growth = 0;
	let last: T | undefined;
	return {
		async run(fn: () => Promise<T>) {
			const result = await timed(fn);
			times.push(result.ms);
			peak = Math.max(peak, result.peakRssMb);
			growth = Math.max(growth, result.growthMb);
			last = result.value;
		},
		result: () => ({ stats: stats(times), peak, growth, last: last as T }),
	};
}

/**
 * `runs` timed runs each of the node and its floor, alternating, so that a slow spell of a shared
 * machine falls on both sides of the ratio rather than on one.
 */
export async function repeatSideBySide<N, F>(runs: number, node: () => Promise<N>, floor: () => Promise<F>) {
	const nodeRuns = series<N>();
	const floorRuns = series<F>();
	for (let i = 0; i < runs; i++) {
		await nodeRuns.run(node);
		await floorRuns.run(floor);
	}
	return { node: nodeRuns.result(), floor: floorRuns.result() };
}

/**
 * Watches the event loop while something runs: a timer ticking every `everyMs`; a gap between two
 * ticks (or from the last tick to stop()) is a block, plus the tick itself. stop() gives the longest
 * gap over the whole watch, and the longest part of a gap inside a window (e.g. the node's own run).
 */
export function watchEventLoop(everyMs = 10): { stop(): { longest: number; longestWithin(from: number, to: number): number } } {
	const gaps: Array<{ from: number; to: number }> = [];
	let last = performance.now();
	const tick = () => {
		const now = performance.now();
		gaps.push({ from: last, to: now });
		last = now;
	};
	const timer = setInterval(tick, everyMs);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return {
				longest: Math.max(...gaps.map((gap) => gap.to - gap.from)),
				longestWithin: (from, to) => Math.max(0, ...gaps.map((gap) => Math.min(gap.to, to) - Math.max(gap.from, from))),
			};
		},
	};
}

/** When a node's own run started and ended (performance.now() and Date.now() at each). */
export interface RunMarks {
	start?: { perf: number; epoch: number };
	end?: { perf: number; epoch: number };
}

/**
 * The node type with each custom operation (a write's own item loop) marking when it starts and
 * when it returns; everything else is the node type's own (its prototype). What n8n does before
 * and after the node (checks, run data, hooks) falls outside the marks.
 */
export function withRunMarks(nodeType: INodeType): { nodeType: INodeType; marks: RunMarks } {
	const marks: RunMarks = {};
	const now = () => ({ perf: performance.now(), epoch: Date.now() });
	type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
	const wrap = (operation: Operation): Operation =>
		async function (this: IExecuteFunctions) {
			marks.start = now();
			marks.end = undefined;
			try {
				return await operation.call(this);
			} finally {
				marks.end = now();
			}
		};
	const customOperations = Object.fromEntries(
		Object.entries(nodeType.customOperations ?? {}).map(([resource, operations]) => [
			resource,
			Object.fromEntries(Object.entries(operations).map(([name, operation]) => [name, wrap(operation as Operation)])),
		]),
	);
	return { nodeType: Object.assign(Object.create(nodeType) as INodeType, { customOperations }), marks };
}
