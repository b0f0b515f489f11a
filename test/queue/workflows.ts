// The two workflows `npm run test:queue` imports into n8n, in the format `n8n import:workflow` reads.
import { randomUUID } from 'node:crypto';

export const TRIGGER_WORKFLOW_ID = 'queueTestTrigger';
export const BULK_WORKFLOW_ID = 'queueTestBulkWhk';
export const TRIGGER_NODE = 'On New Hellotext Event';
export const BULK_WEBHOOK_PATH = 'hellotext-queue-bulk';
export const BULK_ITEMS = 1000;
/**
 * How often the trigger polls. n8n starts each poll on time even while the previous one still
 * runs, and two overlapping polls read the same position: when the main instance stalls longer
 * than this (a loaded machine), the trigger delivers a batch twice. Until the trigger refuses
 * overlapping polls, a longer interval makes that rarer (and the test slower).
 */
export const POLL_EVERY_SECONDS = 5;

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
 * Scenario B: a webhook (so the execution runs on a worker), a Code node making 1,000 items, and
 * Profile > Create filling each profile from its item with expressions.
 */
export function bulkWorkflow(credential: Credential) {
	const jsCode = `return Array.from({ length: ${BULK_ITEMS} }, (_, i) => ({ json: { firstName: 'Bulk ' + i, email: 'bulk' + i + '@example.com' } }));`;
	return workflow(BULK_WORKFLOW_ID, 'Queue test: 1,000 profiles from a webhook', [
		node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path: BULK_WEBHOOK_PATH, options: {} }, {
			webhookId: '6f1c2a8e-3b7d-4c55-9e0a-0c6f5d4b1a20',
		}),
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

/** The names and emails Scenario B must create, each once. */
export const expectedBulkProfiles = () =>
	Array.from({ length: BULK_ITEMS }, (_, i) => ({ first_name: `Bulk ${i}`, email: `bulk${i}@example.com` }));
