// For the sandbox's own tests: one sandbox per test file on a free loopback port, reset before
// each test, and a client that talks to it over real HTTP (as the nodes do).
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

import { createSandbox, type HellotextSandbox } from './index.ts';

export type Obj = Record<string, any>;

export interface Answer {
	status: number;
	/** The parsed JSON body; undefined when the answer has none. */
	body: Obj;
	text: string;
	headers: Headers;
}

export interface SandboxClient {
	sb: HellotextSandbox;
	api: (method: string, path: string, body?: unknown) => Promise<Answer>;
}

export function useHttpSandbox(): SandboxClient {
	const client = {} as SandboxClient;
	beforeAll(async () => {
		client.sb = createSandbox('sandbox-test-token');
		await client.sb.start(0);
	});
	afterAll(async () => await client.sb.stop());
	beforeEach(() => {
		client.sb.reset();
		client.sb.now = () => Math.floor(Date.now() / 1000);
	});
	client.api = async (method, path, body) => {
		const response = await fetch(`${client.sb.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${client.sb.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text === '' ? (undefined as unknown as Obj) : (JSON.parse(text) as Obj), text, headers: response.headers };
	};
	return client;
}

/** An error answer in the documented shape: one entry with this type and parameter. */
export function expectError(answer: Answer, status: number, type: string, parameter: string): void {
	expect({ status: answer.status, type: answer.body?.errors?.[0]?.type, parameter: answer.body?.errors?.[0]?.parameter }, JSON.stringify(answer.body)).toEqual({
		status,
		type,
		parameter,
	});
	expect(answer.body.errors).toHaveLength(1);
	expect(typeof answer.body.errors[0].message).toBe('string');
}

export const invalidOn = (answer: Answer, parameter: string) => expectError(answer, 422, 'invalid', parameter);
