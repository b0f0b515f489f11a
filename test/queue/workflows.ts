// The workflows `npm run test:queue` imports into n8n, in the format `n8n import:workflow` reads.
import { randomUUID } from 'node:crypto';

export const TRIGGER_WORKFLOW_ID = 'queueTestTrigger';
export const TRIGGER_NODE = 'On New Hellotext Event';
/**
 * How often the trigger polls. n8n starts each poll on time even while the previous one still
 * runs; the trigger stands down when its previous poll has not ended, so a main instance stalling
 * longer than this skips polls rather than delivering a batch twice.
 */
export const POLL_EVERY_SECONDS = 5;

/** A webhook-started run of Profile > Create over items a Code node makes (Scenarios B and C). */
export interface ProfilesRun {
	workflowId: string;
	name: string;
	webhookPath: string;
	webhookId: string;
	items: number;
	/** Item i is the profile "<prefix> i" with the email <prefix, lower case>i@example.com. */
	prefix: string;
}

/** Scenario B: 1,000 items, the sandbox answering slowly, so the bound on requests in flight is what limits them. */
export const BULK: ProfilesRun = {
	workflowId: 'queueTestBulkWhk',
	name: 'Queue test: 1,000 profiles from a webhook',
	webhookPath: 'hellotext-queue-bulk',
	webhookId: '6f1c2a8e-3b7d-4c55-9e0a-0c6f5d4b1a20',
	items: 1000,
	prefix: 'Bulk',
};

/**
 * Scenario C, the large run (issue 18): 20,000 items on a worker with n8n's default job lock
 * (60 s), where RoutingNode's one synchronous loop over the items used to block the worker for
 * minutes and the job was called stalled.
 */
export const LARGE: ProfilesRun = {
	workflowId: 'queueTestLargeWh',
	name: 'Queue test: 20,000 profiles from a webhook',
	webhookPath: 'hellotext-queue-large',
	webhookId: '0b7e4f6a-9c21-4d3e-8a55-2f1d6c8b9e47',
	items: 20_000,
	prefix: 'Large',
};

export interface Credential {
	id: string;
	name: string;
	data: { token: string; baseUrl: string };
}

type Parameters = Record<string, unknown>;

/** The Hellotext node's one version. */
const HELLOTEXT_VERSION = 1;

/** Profile > Create with the given profile fields (firstName, email, ...: top-level fields). */
const profileCreate = (fields: Parameters): Parameters => ({ resource: 'profile', operation: 'create', ...fields });

const credentialRef = (credential: Credential) => ({ hellotextApi: { id: credential.id, name: credential.name } });

const node = (name: string, type: string, typeVersion: number, x: number, parameters: Parameters, extra: Parameters = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});

const workflow = (id: string, name: string, nodes: Array<{ name: string }>) => ({
	id,
	name,
	nodes,
	// Each node feeds the next.
	connections: Object.fromEntries(
		nodes.slice(0, -1).map((from, i) => [from.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]),
	),
	settings: { executionOrder: 'v1' },
	pinData: {},
	active: false,
});

/**
 * Scenario A: Hellotext Trigger on new events, polling every POLL_EVERY_SECONDS (n8n refuses
 * intervals under a minute, but takes one custom cron per second of the minute to fire at), then one
 * Profile > Create per emitted event, the event's id in its first name.
 */
export function triggerWorkflow(credential: Credential) {
	const pollTimes = Array.from({ length: 60 / POLL_EVERY_SECONDS }, (_, i) => ({
		mode: 'custom',
		cronExpression: `${i * POLL_EVERY_SECONDS} * * * * *`,
	}));
	return workflow(TRIGGER_WORKFLOW_ID, 'Queue test: trigger on new events', [
		node(
			TRIGGER_NODE,
			'n8n-nodes-hellotext.hellotextTrigger',
			1,
			0,
			{ pollTimes: { item: pollTimes }, triggerOn: 'event', eventTypes: [], options: {} },
			{ credentials: credentialRef(credential) },
		),
		node('Create Profile per Event', 'n8n-nodes-hellotext.hellotext', HELLOTEXT_VERSION, 220, profileCreate({ firstName: '={{ $json.id }}' }), {
			credentials: credentialRef(credential),
		}),
	]);
}

/**
 * A webhook (so the execution runs on a worker), a Code node making `run.items` items, and
 * Profile > Create filling each profile from its item with expressions.
 */
export function profilesWorkflow(run: ProfilesRun, credential: Credential) {
	const email = `'${run.prefix.toLowerCase()}' + i + '@example.com'`;
	const jsCode = `return Array.from({ length: ${run.items} }, (_, i) => ({ json: { firstName: '${run.prefix} ' + i, email: ${email} } }));`;
	return workflow(run.workflowId, run.name, [
		node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path: run.webhookPath, options: {} }, { webhookId: run.webhookId }),
		node('Make Items', 'n8n-nodes-base.code', 2, 220, { jsCode }),
		node(
			'Create Profiles',
			'n8n-nodes-hellotext.hellotext',
			HELLOTEXT_VERSION,
			440,
			profileCreate({ firstName: '={{ $json.firstName }}', email: '={{ $json.email }}' }),
			{ credentials: credentialRef(credential) },
		),
	]);
}

/** The names and emails a run must create, each once (the API's field names). */
export const expectedProfiles = (run: ProfilesRun) =>
	Array.from({ length: run.items }, (_, i) => ({ first_name: `${run.prefix} ${i}`, email: `${run.prefix.toLowerCase()}${i}@example.com` }));
