// Runs the package's real nodes through n8n-core's real execution engine: WorkflowExecute for the
// action node, LoadOptionsContext for list searches and dropdowns, PollContext for the trigger.
import { DirectoryLoader, ExecuteContext, ExecutionLifecycleHooks, LoadOptionsContext, PollContext, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { HellotextApi } from '../../credentials/HellotextApi.credentials';
import { Hellotext } from '../../nodes/Hellotext/Hellotext.node.ts';

export const NODE_TYPE = 'n8n-nodes-hellotext.hellotext';
export const CREDENTIAL_TYPE = 'hellotextApi';

const credentialTypes: Record<string, ICredentialType> = { [CREDENTIAL_TYPE]: new HellotextApi() };

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType>;
	constructor(types: Record<string, INodeType>) {
		this.types = types;
	}
	getByName(name: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(name);
	}
	getByNameAndVersion(name: string): INodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}
	getKnownTypes() {
		return {};
	}
}

/** Resolves the credential's generic `authenticate` block the way n8n's CLI does. */
export class TestCredentialsHelper extends ICredentialsHelper {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The credential classes by type name (default: the source's HellotextApi). */
	readonly types: Record<string, ICredentialType>;
	constructor(credentials: Record<string, ICredentialDataDecryptedObject>, types: Record<string, ICredentialType> = credentialTypes) {
		super();
		this.credentials = credentials;
		this.types = types;
	}
	getParentTypes() {
		return [];
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		for (const [outer, entries] of Object.entries(authenticate.properties)) {
			const target = ((requestOptions as unknown as IDataObject)[outer] ??= {}) as IDataObject;
			for (const [key, value] of Object.entries(entries as IDataObject)) {
				target[key] = isExpression(value)
					? String(workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials }, undefined, '') ?? '')
					: value;
			}
		}
		return requestOptions;
	}
	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	getOAuth2Options() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credential of type ${type}`);
		return data;
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string) {
		return this.types[type]?.properties ?? [];
	}
	isCredentialUsableByNode() {
		return true;
	}
}

export interface EngineOptions {
	baseUrl: string;
	token: string;
	nodeTypes?: Record<string, INodeType>;
	/** Credential classes to use instead of the source's (e.g. loaded from the packed tarball). */
	credentialTypes?: Record<string, ICredentialType>;
}

export function makeAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Lifecycle hooks of a manual execution, and the run they report when it ends. */
export function manualRunHooks(workflowData: { id: string; name: string; nodes: INode[]; connections: IDataObject }) {
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		...workflowData,
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	return { hooks, finished };
}

/**
 * Runs `workflow` through WorkflowExecute starting at `start` with `input` as its input items; the run
 * ends in the hooks' `workflowExecuteAfter`. (This is what WorkflowExecute.run does for a start node,
 * whose signature differs between n8n-core 1.x and 2.x; processRunExecutionData is the same in both.)
 */
export async function executeFrom(
	workflow: Workflow,
	start: INode,
	input: INodeExecutionData[],
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode = 'manual',
): Promise<IRun> {
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }] },
	});
	return await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
}

export interface NodeRun {
	/** Output items of the node (main output 0). */
	items: INodeExecutionData[];
	/** The error the run stopped on, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

export class Engine {
	readonly nodeTypes: TestNodeTypes;
	readonly credentialsHelper: TestCredentialsHelper;
	constructor(options: EngineOptions) {
		// As n8n's loader gives it to n8n: with the Request Options it adds to declarative nodes.
		const hellotext = new Hellotext();
		DirectoryLoader.applyDeclarativeNodeOptionParameters(hellotext);
		this.nodeTypes = new TestNodeTypes({ [NODE_TYPE]: hellotext, ...options.nodeTypes });
		this.credentialsHelper = new TestCredentialsHelper(
			{ [CREDENTIAL_TYPE]: { token: options.token, baseUrl: options.baseUrl } },
			{ ...credentialTypes, ...options.credentialTypes },
		);
	}

	/** A node of `type` at the version the editor gives a new node (`extra` may set another). */
	node(parameters: INodeParameters, extra: Partial<INode> = {}, type = NODE_TYPE): INode {
		const { version, defaultVersion } = this.nodeTypes.getByNameAndVersion(type).description;
		return {
			id: 'node-1',
			name: 'Hellotext',
			type,
			typeVersion: defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version),
			position: [0, 0],
			parameters,
			credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Hellotext account' } },
			...extra,
		};
	}

	workflow(node: INode): Workflow {
		return new Workflow({ id: 'wf-1', nodes: [node], connections: {}, active: false, nodeTypes: this.nodeTypes });
	}

	/** Runs one node over `input` items through WorkflowExecute, as a manual execution does. */
	async run(
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
		options: { node?: Partial<INode>; type?: string; mode?: WorkflowExecuteMode } = {},
	): Promise<NodeRun> {
		const node = this.node(parameters, options.node, options.type);
		expectKnownParameters(this.nodeTypes.getByNameAndVersion(node.type).description.properties, parameters);
		const workflow = this.workflow(node);
		const { hooks, finished } = manualRunHooks({ id: 'wf-1', name: 'test', nodes: [node], connections: {} });
		try {
			await executeFrom(workflow, workflow.getNode(node.name)!, input.map((json) => ({ json })), makeAdditionalData(this.credentialsHelper, hooks), options.mode);
		} catch (error) {
			// Refused before the node ran (e.g. a required parameter is empty).
			return { items: [], error: error as NodeRun['error'], run: undefined as unknown as IRun };
		}
		const run = await finished;
		const taskData = run.data.resultData.runData[node.name]?.[0];
		const items = taskData?.data?.main?.[0] ?? [];
		const error = (run.data.resultData.error ?? taskData?.error) as NodeRun['error'];
		return { items, error, run };
	}

	/** A list search or dropdown method, called the way the editor calls it. */
	loadOptionsContext(parameters: INodeParameters, type = NODE_TYPE): LoadOptionsContext {
		const node = this.node(parameters, {}, type);
		const workflow = this.workflow(node);
		return new LoadOptionsContext(workflow, workflow.getNode(node.name)!, makeAdditionalData(this.credentialsHelper), 'parameters');
	}

	pollContext(
		parameters: INodeParameters,
		type: string,
		staticData: IDataObject,
		mode: WorkflowExecuteMode = 'trigger',
		extra: Partial<INode> = {},
	): PollContext {
		const node = this.node(parameters, { name: 'Hellotext Trigger', ...extra }, type);
		const workflow = new Workflow({
			id: 'wf-1',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: { [`node:${node.name}`]: staticData },
		});
		return new PollContext(workflow, workflow.getNode(node.name)!, makeAdditionalData(this.credentialsHelper), mode, mode === 'manual' ? 'manual' : 'activate');
	}
}

/**
 * A test must not pass on a parameter the node does not have (n8n would ignore it, and the test
 * would test nothing): every top-level name, and every option of a collection, is one of the node's.
 */
function expectKnownParameters(properties: INodeProperties[], parameters: INodeParameters): void {
	for (const [name, value] of Object.entries(parameters)) {
		const property = properties.find((candidate) => candidate.name === name);
		if (!property) throw new Error(`The test gives "${name}", a parameter the node does not have`);
		if (property.type === 'collection' && value && typeof value === 'object') {
			const options = new Set((property.options as INodeProperties[]).map((option) => option.name));
			for (const inner of Object.keys(value)) {
				if (!options.has(inner)) throw new Error(`The test gives "${name}.${inner}", an option "${name}" does not have`);
			}
		}
	}
}

/** lodash `get` for the dotted keys a `responseSuccessBody` rule uses (n8n's tester uses lodash). */
function valueAt(data: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((value, part) => (value == null ? undefined : (value as IDataObject)[part]), data);
}

/**
 * Tests a credential the way n8n's CredentialsTester (packages/cli credentials-tester.service,
 * runRequestTest) does for a credential with a `test` request: the stored data gets the
 * properties' defaults; a temporary node whose only property routes that request is run by
 * RoutingNode with the decrypted credential; a thrown error with an HTTP response is matched
 * against the `responseCode` rules, else reported by status text, by the cause's code, or by its
 * message; a success is matched against the `responseSuccessBody` rules.
 */
export async function testCredential(
	engine: Engine,
	stored: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentialType = engine.credentialsHelper.types[CREDENTIAL_TYPE];
	const test = credentialType.test!;
	const data = NodeHelpers.getNodeParameters(credentialType.properties, stored as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	} as INodeType;
	const testEngine = new Engine({ baseUrl: '', token: '', nodeTypes: { noOp: nodeType } });
	const node = testEngine.node({}, { id: 'temp', name: 'Temp-Node' }, 'noOp');
	const workflow = testEngine.workflow(node);
	const executeData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		makeAdditionalData(new TestCredentialsHelper({ [CREDENTIAL_TYPE]: data }, engine.credentialsHelper.types)),
		'internal',
		createRunExecutionData({}),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: 'cred-1', name: 'test', type: CREDENTIAL_TYPE, data });
	type Rule = { type: string; properties: { value: unknown; message: string; key?: string } };
	const rules = (test.rules ?? []) as Rule[];
	let response: INodeExecutionData[][] | null | undefined;
	try {
		await workflow.expression.acquireIsolate();
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { code?: string; response?: { status: number; statusText?: string } } }).cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			const rule = rules.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (status < 199 || status > 299) return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	} finally {
		await workflow.expression.releaseIsolate();
	}
	for (const rule of rules) {
		if (rule.type === 'responseSuccessBody' && valueAt(response![0][0].json, rule.properties.key!) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
