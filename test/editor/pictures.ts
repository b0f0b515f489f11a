// The README's pictures of the editor, written by the editor test (`npm run screenshots`) into
// docs/images/<name>.png.
export const README_PICTURES = ['node-panel', 'track-form', 'run-output', 'trigger-sample', 'send-form'] as const;

export type ReadmePicture = (typeof README_PICTURES)[number];
