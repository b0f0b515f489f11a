// The Hellotext node next to n8n's own HTTP Request node doing the same job, in a real n8n: the
// pinned n8n that `npm run dev` installs, this package installed from its packed tarball as a
// community package, the sandbox in its own process, each workflow run by `n8n execute`.
// Compared: the executionTime n8n records for the node doing the work (from the run data), and,
// secondary, the wall time of the whole `n8n execute` process. A scenario runs the Hellotext node
// and one or more HTTP Request variants (how the request is authorised: a bare Authorization header
// parameter, a Bearer Auth credential, a Header Auth credential), taking turns run by run, with the
// sandbox reset (and seeded) before each run; each variant makes a row of its own beside the same
// Hellotext runs.
//   npm run bench:n8n                  alone (BENCH_RUNS, default 5; BENCH_NO_BUILD=1 uses dist/ as is;
//                                      BENCH_N8N_SCENARIOS=CreateExpr,CreateFixed,ListAll,MessageSend picks)
//   benchRealN8n(options)              from another script: returns the rows, prints nothing
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

import {
	freePort,
	installPackedPackage,
	installPinnedN8n,
	N8N_SCRIPT,
	pinnedN8nVersion,
	runChecked,
	startSandbox,
	type CommandResult,
	type SandboxProcess,
	type SandboxStats,
	writeN8nImports,
} from '../test/support/process.ts';

const TOKEN = 'bench-real-n8n-token';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CREATES = 1_000;
const SENDS = 1_000;
const PROFILES = 10_000;
const PAGE = 100;
/** The Hellotext node's default bound on requests in flight (Options > Max Requests in Flight). */
const BOUND = 5;
const CREDENTIALS = {
	hellotext: { id: 'benchHellotextAp', name: 'Hellotext (bench)' },
	headerAuth: { id: 'benchHeaderAuth1', name: 'Hellotext header auth (bench)' },
	bearerAuth: { id: 'benchBearerAuth1', name: 'Hellotext bearer auth (bench)' },
};

export interface RealN8nOptions {
	/** Runs per node and scenario (default BENCH_RUNS, else 5). */
	runs?: number;
	/** Build dist/ before packing (default true). */
	build?: boolean;
	/** Progress lines (default: none). */
	log?: (line: string) => void;
	/** Only these scenarios, by tag: CreateExpr, CreateFixed, ListAll, MessageSend (default: all). */
	scenarios?: string[];
}

export interface Stats {
	min: number;
	median: number;
	max: number;
}

/** One node's side of a scenario. */
export interface NodeColumn {
	/** The node's own executionTime in n8n's run data. */
	executionMs: Stats;
	/** Wall time of the whole `n8n execute` process (start-up, both nodes, shut-down). */
	processMs: Stats;
	/** API requests the sandbox saw (last run). */
	requests: number;
	/** Most API requests in flight at once seen by the sandbox (over all runs). */
	peakInFlight: number;
	/** Items the node output (last run). */
	items: number;
}

export interface RealN8nRow {
	scenario: string;
	/** How the HTTP Request node of this row authorises its requests. */
	httpAuth: string;
	hellotext: NodeColumn;
	httpRequest: NodeColumn;
	/** Hellotext median executionTime / HTTP Request median executionTime. */
	ratio: number;
	target: string;
	met: boolean;
	/** What the correctness checks found wrong, if anything, and other remarks. */
	note?: string;
}

// ---- the workflows -------------------------------------------------------------------------------

/** The Hellotext node's parameters (node version 1, camelCase names); bench/bulk.ts sends the same SMS. */
export const hellotextParameters = {
	createProfile: (fields: ProfileFields) => ({ resource: 'profile', operation: 'create', firstName: fields.firstName, email: fields.email }),
	listAllProfiles: () => ({ resource: 'profile', operation: 'getAll', returnAll: true }),
	sendSms: (phone: string, text: string) => ({ resource: 'message', operation: 'send', channel: 'sms', sendTo: 'phone', phoneNumber: phone, content: 'text', text }),
};

interface ProfileFields {
	firstName: string;
	email: string;
}

/** Both nodes read the Code node's items with the same two expressions. */
const FROM_ITEM: ProfileFields = { firstName: '={{ $json.firstName }}', email: '={{ $json.email }}' };
/** And the fixed-value variant sends the same two fields as constants. */
const FIXED: ProfileFields = { firstName: 'Bench', email: 'bench@example.com' };
/** Input item n of the creates, made by the Code node (from this function's source) and expected back in the sandbox. */
const profileInput = (n: number): ProfileFields => ({ firstName: `First${n}`, email: `bench${n}@example.com` });
/** Input item n of the sends: a phone number in E.164 as it is sent (the HTTP Request node sends it as it is). */
export const phoneInput = (n: number) => ({ phone: `+1202555${String(n).padStart(4, '0')}` });
export const SMS_TEXT = 'Your order has shipped.';
/** A Code node's source making `count` items from `input` (its own source). */
const codeMaking = (input: (n: number) => object, count: number) =>
	`const inputItem = ${input.toString()};\nreturn Array.from({ length: ${count} }, (_, n) => ({ json: inputItem(n) }));`;

/** The HTTP Request node's ways of authorising a request to a bearer-token API. */
const HTTP_AUTH = {
	/** No credential: the header as a fixed header parameter. */
	header: {
		label: 'bare Authorization header',
		parameters: {
			authentication: 'none',
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }] },
		},
	},
	/** n8n's Bearer Auth credential (httpBearerAuth). */
	bearer: {
		label: 'Bearer Auth credential',
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpBearerAuth' },
		credentials: { httpBearerAuth: CREDENTIALS.bearerAuth },
	},
	/** n8n's Header Auth credential (httpHeaderAuth) with Authorization: Bearer ... */
	headerAuth: {
		label: 'Header Auth credential',
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' },
		credentials: { httpHeaderAuth: CREDENTIALS.headerAuth },
	},
} satisfies Record<string, { label: string; parameters: object; credentials?: object }>;

type HttpAuth = keyof typeof HTTP_AUTH;
type Side = 'hellotext' | HttpAuth;
const SIDE_CODE: Record<Side, string> = { hellotext: 'Ht', header: 'Hh', bearer: 'Hb', headerAuth: 'Ha' };
const NODE_NAME = (side: Side) => (side === 'hellotext' ? 'Hellotext' : 'HTTP Request');
const sideLabel = (side: Side) => (side === 'hellotext' ? 'Hellotext' : `HTTP Request (${HTTP_AUTH[side].label})`);

const hellotextNode = (parameters: object): WorkflowNode => ({
	name: NODE_NAME('hellotext'),
	type: 'n8n-nodes-hellotext.hellotext',
	typeVersion: 1,
	parameters,
	credentials: { hellotextApi: CREDENTIALS.hellotext },
});

/** The HTTP Request node as a user adds it today (n8n's default version) and sets it up without our node, authorised one of the HTTP_AUTH ways, defaults elsewhere. */
const httpRequestNode = (auth: HttpAuth, parameters: { method: string; url: string; options?: object; [name: string]: unknown }): WorkflowNode => {
	const how: { parameters: object; credentials?: object } = HTTP_AUTH[auth];
	return {
		name: NODE_NAME(auth),
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: { ...how.parameters, ...parameters, options: parameters.options ?? {} },
		...(how.credentials ? { credentials: how.credentials } : {}),
	};
};

/** A POST with a JSON body "Using Fields Below" (the node's default way to give a body). */
const httpPostJson = (auth: HttpAuth, url: string, body: Record<string, string>) =>
	httpRequestNode(auth, {
		method: 'POST',
		url,
		sendBody: true,
		contentType: 'json',
		specifyBody: 'keypair',
		bodyParameters: { parameters: Object.entries(body).map(([name, value]) => ({ name, value })) },
	});

/** POST /v1/profiles with the API's names for the two fields. */
const httpCreateProfile = (auth: HttpAuth, sandboxUrl: string, fields: ProfileFields) =>
	httpPostJson(auth, `${sandboxUrl}/v1/profiles`, { first_name: fields.firstName, email: fields.email });

/** POST /v1/messages: what Message > Send posts for an SMS to a phone number. */
const httpSendSms = (auth: HttpAuth, sandboxUrl: string, phone: string, text: string) =>
	httpPostJson(auth, `${sandboxUrl}/v1/messages`, { technology: 'sms', destination: phone, body: text });

/** GET /v1/profiles?limit=100 with the node's own pagination, following the cursor. */
const httpListAllProfiles = (auth: HttpAuth, sandboxUrl: string) =>
	httpRequestNode(auth, {
		method: 'GET',
		url: `${sandboxUrl}/v1/profiles`,
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'limit', value: String(PAGE) }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'starting_after', value: '={{ $response.body.profiles.last().id }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: `={{ $response.body.profiles.length < ${PAGE} }}`,
				},
			},
		},
	});

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: object;
	credentials?: object;
}

/** Manual Trigger -> [Code node] -> the node doing the work, as `n8n import:workflow` reads it. */
function workflow(id: string, name: string, work: WorkflowNode, code: string | undefined) {
	const trigger = { name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	const input = code === undefined ? [] : [{ name: 'Input items', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: code } }];
	const chain = [trigger, ...input, work].map((node, index) => ({
		id: `${id}-${index}`,
		position: [index * 220, 0],
		...node,
	}));
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] }]),
	);
	return { id, name: `Bench: ${name}`, nodes: chain, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
}

// ---- the scenarios -------------------------------------------------------------------------------

interface NodeRun {
	/** The work node's executionTime. */
	executionMs: number;
	/** The `n8n execute` process's wall time. */
	processMs: number;
	/** The work node's output items. */
	items: Array<Record<string, unknown>>;
}

interface RunResult extends NodeRun {
	/** What the sandbox saw during the run. */
	stats: SandboxStats;
	sandbox: SandboxProcess;
}

/** One row of a scenario: the Hellotext node against one HTTP Request variant. */
interface Comparison {
	against: HttpAuth;
	target: string;
	meets(ratio: number, hellotext: NodeColumn): boolean;
}

interface Scenario {
	name: string;
	/** Makes the workflow ids, bench<side code><tag> (n8n takes up to 21 characters). */
	tag: string;
	/** The Code node's source making the work node's input items; none: no Code node. */
	code?: string;
	/** The node doing the work: the Hellotext node, and the HTTP Request node authorised as given. */
	hellotext(): WorkflowNode;
	httpRequest(auth: HttpAuth, sandboxUrl: string): WorkflowNode;
	/** Puts the sandbox in the state a run starts from. */
	prepare(sandbox: SandboxProcess): Promise<void>;
	/** What is wrong with a run's result, if anything. */
	check(side: Side, run: RunResult): Promise<string | undefined>;
	comparisons: Comparison[];
}

const sidesOf = (scenario: Scenario): Side[] => ['hellotext', ...scenario.comparisons.map((c) => c.against)];
const workflowId = (scenario: Scenario, side: Side) => `bench${SIDE_CODE[side]}${scenario.tag}`;
const scenarioWorkflows = (scenario: Scenario, sandboxUrl: string) =>
	sidesOf(scenario).map((side) =>
		workflow(
			workflowId(scenario, side),
			`${sideLabel(side)}, ${scenario.name}`,
			side === 'hellotext' ? scenario.hellotext() : scenario.httpRequest(side, sandboxUrl),
			scenario.code,
		),
	);

/** The node's executionTime at most `limit` times the HTTP Request node's (the median of each). */
const atMost = (against: HttpAuth, limit: number): Comparison => ({
	against,
	target: `<= ${limit.toFixed(1)}x HTTP Request`,
	meets: (ratio) => ratio <= limit,
});

const createScenario = (name: string, tag: string, fields: ProfileFields, expected: (n: number) => ProfileFields, comparisons: Comparison[]): Scenario => ({
	name,
	tag,
	code: codeMaking(profileInput, CREATES),
	hellotext: () => hellotextNode(hellotextParameters.createProfile(fields)),
	httpRequest: (auth, sandboxUrl) => httpCreateProfile(auth, sandboxUrl, fields),
	prepare: (sandbox) => sandbox.reset(),
	check: async (_side, { items, stats, sandbox }) => {
		const posts = stats.routes['POST /v1/profiles'] ?? 0;
		if (posts !== CREATES || stats.requests !== CREATES) return `${stats.requests} requests (${posts} POST /v1/profiles), expected ${CREATES}`;
		if (stats.statuses['200'] !== CREATES) return `statuses ${JSON.stringify(stats.statuses)}`;
		if (items.length !== CREATES || items.some((item) => typeof item.id !== 'string')) return `${items.length} items out, expected ${CREATES} with an id`;
		const stored = await sandbox.objects('profiles');
		const wanted = new Set(Array.from({ length: CREATES }, (_, n) => JSON.stringify(expected(n))));
		const got = new Set(stored.map((p) => JSON.stringify({ firstName: p.first_name, email: (p.emails as string[])[0] })));
		if (stored.length !== CREATES || got.size !== wanted.size || [...wanted].some((w) => !got.has(w))) {
			return `the sandbox holds ${stored.length} profiles, not the ${CREATES} expected (e.g. ${[...got][0]})`;
		}
		return undefined;
	},
	comparisons,
});

const SCENARIOS: Scenario[] = [
	createScenario(`${CREATES.toLocaleString('en')} creates, 2 expressions per item`, 'CreateExpr', FROM_ITEM, profileInput, [
		atMost('header', 1.0),
		atMost('bearer', 0.7),
	]),
	createScenario(`${CREATES.toLocaleString('en')} creates, fixed values`, 'CreateFixed', FIXED, () => FIXED, [atMost('headerAuth', 1.0)]),
	{
		name: `Return All, ${PROFILES.toLocaleString('en')} profiles`,
		tag: 'ListAll',
		hellotext: () => hellotextNode(hellotextParameters.listAllProfiles()),
		httpRequest: (auth, sandboxUrl) => httpListAllProfiles(auth, sandboxUrl),
		prepare: async (sandbox) => {
			await sandbox.reset();
			await sandbox.seedProfiles(PROFILES);
		},
		check: async (side, { items, stats }) => {
			const pages = Math.floor(PROFILES / PAGE) + 1;
			const gets = stats.routes['GET /v1/profiles'] ?? 0;
			if (gets !== pages || stats.requests !== pages) return `${stats.requests} requests (${gets} GET /v1/profiles), expected ${pages}`;
			// The HTTP Request node outputs one item per page; the Hellotext node one per profile.
			const profiles = side !== 'hellotext' ? items.flatMap((page) => page.profiles as Array<Record<string, unknown>>) : items;
			if (side !== 'hellotext' && items.length !== pages) return `${items.length} page items out, expected ${pages}`;
			const ids = new Set(profiles.map((p) => p.id));
			if (profiles.length !== PROFILES || ids.size !== PROFILES) return `${profiles.length} profiles out (${ids.size} distinct), expected ${PROFILES}`;
			return undefined;
		},
		comparisons: [atMost('headerAuth', 1.0)],
	},
	{
		name: `${SENDS.toLocaleString('en')} Message > Send (SMS), phone from an expression`,
		tag: 'MessageSend',
		code: codeMaking(phoneInput, SENDS),
		hellotext: () => hellotextNode(hellotextParameters.sendSms('={{ $json.phone }}', SMS_TEXT)),
		httpRequest: (auth, sandboxUrl) => httpSendSms(auth, sandboxUrl, '={{ $json.phone }}', SMS_TEXT),
		prepare: (sandbox) => sandbox.reset(),
		check: async (_side, { items, stats, sandbox }) => {
			// Every phone number sent to once: no send repeated, none left out.
			const posts = stats.routes['POST /v1/messages'] ?? 0;
			if (posts !== SENDS || stats.requests !== SENDS) return `${stats.requests} requests (${posts} POST /v1/messages), expected ${SENDS}`;
			if (stats.statuses['200'] !== SENDS) return `statuses ${JSON.stringify(stats.statuses)}`;
			if (items.length !== SENDS || items.some((item) => item.status !== 'received')) return `${items.length} items out, expected ${SENDS} "received"`;
			const stored = await sandbox.objects('messages');
			const destinations = stored.map((m) => m.destination as string);
			const wanted = Array.from({ length: SENDS }, (_, n) => phoneInput(n).phone);
			const got = new Set(destinations);
			if (stored.length !== SENDS || got.size !== SENDS || wanted.some((phone) => !got.has(phone)) || stored.some((m) => m.body !== SMS_TEXT)) {
				return `the sandbox holds ${stored.length} messages to ${got.size} numbers, not one to each of the ${SENDS} (e.g. ${JSON.stringify(stored[0])})`;
			}
			return undefined;
		},
		comparisons: [
			{
				against: 'header',
				target: `<= 1.0x HTTP Request, Hellotext at most ${BOUND} in flight, each number sent to once`,
				meets: (ratio, hellotext) => ratio <= 1.0 && hellotext.peakInFlight <= BOUND,
			},
		],
	},
];

// ---- n8n -----------------------------------------------------------------------------------------

/** Every command here may install n8n or run 1,000 requests; none takes longer than this. */
const COMMAND_TIMEOUT_MS = 600_000;

/** An n8n user folder with this package installed from its tarball, credentials and workflows imported. */
class N8nInstance {
	private constructor(readonly userFolder: string) {}

	static async create(sandbox: SandboxProcess, userFolder: string, build: boolean, log: (line: string) => void): Promise<N8nInstance> {
		const timeoutMs = COMMAND_TIMEOUT_MS;
		if (build) {
			log('building the package...');
			await runChecked('npm', ['run', 'build'], { timeoutMs });
		}
		log('n8n (installs it into the cache when missing)...');
		await installPinnedN8n({ timeoutMs });
		const instance = new N8nInstance(userFolder);
		log(`packing the package and installing it into ${userFolder}...`);
		await installPackedPackage([userFolder], { timeoutMs });
		const imports = writeN8nImports(
			path.join(userFolder, 'import'),
			[
				{ ...CREDENTIALS.hellotext, type: 'hellotextApi', data: { token: TOKEN, baseUrl: sandbox.url } },
				// What a user of the HTTP Request node sets up for a bearer-token API: a Header Auth or a Bearer Auth credential.
				{ ...CREDENTIALS.headerAuth, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${TOKEN}` } },
				{ ...CREDENTIALS.bearerAuth, type: 'httpBearerAuth', data: { token: TOKEN } },
			],
			SCENARIOS.flatMap((scenario) => scenarioWorkflows(scenario, sandbox.url)),
		);
		log('importing credentials and workflows (the first n8n command creates the database)...');
		const imported = await instance.n8n(imports.credentials);
		const workflows = await instance.n8n(imports.workflows);
		log(`imported: n8n import:credentials ${seconds(imported.ms)}, import:workflow ${seconds(workflows.ms)}`);
		return instance;
	}

	/** `n8n <args>` with this user folder (scripts/n8n.sh n8n); its own task-broker port, clear of any other n8n. */
	async n8n(args: string[]): Promise<CommandResult> {
		const env = {
			...process.env,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			// Every run then does the same work after the nodes: no execution stored in the database.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false',
		};
		return await runChecked('bash', [N8N_SCRIPT, 'n8n', this.userFolder, ...args], { env, timeoutMs: COMMAND_TIMEOUT_MS });
	}

	/** Runs a workflow; returns the work node's executionTime and output items, and the process's wall time. */
	async execute(workflowId: string, nodeName: string): Promise<NodeRun> {
		const result = await this.n8n(['execute', `--id=${workflowId}`, '--rawOutput']);
		const run = parseRunOutput(result.stdout);
		const nodeRun = run.data?.resultData?.runData?.[nodeName]?.[0];
		if (!nodeRun) throw new Error(`no run data for "${nodeName}" in the output of n8n execute --id=${workflowId}`);
		if (nodeRun.error) throw new Error(`"${nodeName}" failed: ${JSON.stringify(nodeRun.error).slice(0, 2000)}`);
		return { executionMs: nodeRun.executionTime, processMs: result.ms, items: (nodeRun.data?.main?.[0] ?? []).map((item) => item.json) };
	}
}

interface ExecuteOutput {
	data?: {
		resultData?: {
			runData?: Record<string, Array<{ executionTime: number; error?: unknown; data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
}

/**
 * `n8n execute --rawOutput` prints the run (IRun) as indented JSON, but n8n's logger writes to the
 * same stdout before and after it: take the block from the first line that is just `{` to the last
 * line that is just `}`.
 */
function parseRunOutput(stdout: string): ExecuteOutput {
	const start = stdout.startsWith('{\n') ? 0 : stdout.indexOf('\n{\n') + 1;
	const end = stdout.lastIndexOf('\n}');
	if (start <= 0 && !stdout.startsWith('{\n')) throw new Error(`no run data in the output of n8n execute:\n${stdout.slice(-2000)}`);
	return JSON.parse(stdout.slice(start, end + 2)) as ExecuteOutput;
}

// ---- the bench -----------------------------------------------------------------------------------

const stats = (values: number[]): Stats => {
	const sorted = [...values].sort((a, b) => a - b);
	return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

export async function benchRealN8n(options: RealN8nOptions = {}): Promise<RealN8nRow[]> {
	const runs = options.runs ?? RUNS;
	const log = options.log ?? (() => {});
	const scenarios = SCENARIOS.filter((scenario) => !options.scenarios || options.scenarios.includes(scenario.tag));
	// The sandbox's log and the n8n user folder, removed after.
	const work = mkdtempSync(path.join(tmpdir(), 'hellotext-bench-n8n-'));
	let sandbox: SandboxProcess | undefined;
	try {
		sandbox = await startSandbox({ name: 'sandbox', token: TOKEN, logFile: path.join(work, 'sandbox.log') });
		const instance = await N8nInstance.create(sandbox, path.join(work, 'n8n'), options.build ?? true, log);
		const rows: RealN8nRow[] = [];
		for (const scenario of scenarios) {
			const sides = sidesOf(scenario);
			// Timings and counts only: not 10,000 profiles per run.
			const results = new Map<Side, Array<{ executionMs: number; processMs: number; stats: SandboxStats; items: number }>>(sides.map((side) => [side, []]));
			const problems = new Map<Side, Set<string>>(sides.map((side) => [side, new Set<string>()]));
			for (let i = 0; i < runs; i++) {
				for (const side of sides) {
					await scenario.prepare(sandbox);
					const result = { ...(await instance.execute(workflowId(scenario, side), NODE_NAME(side))), stats: await sandbox.stats(), sandbox };
					const problem = await scenario.check(side, result);
					if (problem) problems.get(side)!.add(`${sideLabel(side)}: ${problem}`);
					log(
						`${scenario.name}, ${sideLabel(side)}, run ${i + 1}/${runs}: node ${Math.round(result.executionMs)} ms, ` +
							`n8n execute ${Math.round(result.processMs)} ms, ${result.stats.requests} requests, ` +
							`peak ${result.stats.peakInFlight} in flight, ${result.items.length} items${problem ? `, WRONG: ${problem}` : ''}`,
					);
					results.get(side)!.push({ executionMs: result.executionMs, processMs: result.processMs, stats: result.stats, items: result.items.length });
				}
			}
			const column = (side: Side): NodeColumn => {
				const sideRuns = results.get(side)!;
				const last = sideRuns[sideRuns.length - 1];
				return {
					executionMs: stats(sideRuns.map((r) => r.executionMs)),
					processMs: stats(sideRuns.map((r) => r.processMs)),
					requests: last.stats.requests,
					peakInFlight: Math.max(...sideRuns.map((r) => r.stats.peakInFlight)),
					items: last.items,
				};
			};
			const hellotext = column('hellotext');
			for (const comparison of scenario.comparisons) {
				const httpRequest = column(comparison.against);
				const ratio = hellotext.executionMs.median / httpRequest.executionMs.median;
				const found = [...problems.get('hellotext')!, ...problems.get(comparison.against)!];
				rows.push({
					scenario: scenario.name,
					httpAuth: HTTP_AUTH[comparison.against].label,
					hellotext,
					httpRequest,
					ratio,
					target: comparison.target,
					met: found.length === 0 && comparison.meets(ratio, hellotext),
					note: found.length ? found.join('; ') : undefined,
				});
			}
		}
		return rows;
	} finally {
		await sandbox?.stop();
		rmSync(work, { recursive: true, force: true });
	}
}

const round = (n: number) => Math.round(n);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const range = (s: Stats) => `${round(s.median)} (${round(s.min)}-${round(s.max)})`;

/** The rows as a markdown table: node executionTime median (min-max), then process wall time. */
export function realN8nTable(rows: RealN8nRow[]): string {
	const header = [
		'scenario',
		'HTTP Request with',
		'Hellotext node ms',
		'HTTP Request node ms',
		'ratio',
		'requests (Hellotext / HTTP)',
		'peak in flight (Hellotext / HTTP)',
		'n8n execute ms (Hellotext / HTTP)',
		'target',
		'met',
	];
	const lines = rows.map((r) => [
		r.scenario,
		r.httpAuth,
		range(r.hellotext.executionMs),
		range(r.httpRequest.executionMs),
		`${r.ratio.toFixed(2)}x`,
		`${r.hellotext.requests} / ${r.httpRequest.requests}`,
		`${r.hellotext.peakInFlight} / ${r.httpRequest.peakInFlight}`,
		`${round(r.hellotext.processMs.median)} / ${round(r.httpRequest.processMs.median)}`,
		r.target,
		r.met ? 'yes' : 'NO',
	]);
	return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

if (require.main === module) {
	const started = performance.now();
	const log = (line: string) => console.error(`[${Math.round((performance.now() - started) / 1000)} s] ${line}`);
	benchRealN8n({ build: !process.env.BENCH_NO_BUILD, log, scenarios: process.env.BENCH_N8N_SCENARIOS?.split(',') })
		.then((rows) => {
			console.log(
				`\nHellotext node vs HTTP Request node in n8n ${pinnedN8nVersion()} (n8n execute), ${new Date().toISOString().slice(0, 10)}, ` +
					`${cpus().length} cores, Node ${process.version}: the node's executionTime, median (min-max) of ${RUNS} runs\n`,
			);
			console.log(realN8nTable(rows));
			for (const row of rows) if (row.note) console.log(`\n${row.scenario} (vs ${row.httpAuth}): ${row.note}`);
			// A scenario's rows share its Hellotext column: each column once.
			const perProcess = [...new Set(rows.flatMap((row) => [row.hellotext, row.httpRequest]))].map((column) => column.processMs);
			console.log(
				`\n${perProcess.length * RUNS} n8n execute runs, ${seconds(Math.min(...perProcess.map((s) => s.min)))} to ` +
					`${seconds(Math.max(...perProcess.map((s) => s.max)))} each; total ${seconds(performance.now() - started)}`,
			);
			if (rows.some((row) => row.note)) process.exitCode = 1;
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
