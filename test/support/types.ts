/** A JSON object as the tests read it from the sandbox and the node's output (any shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;
