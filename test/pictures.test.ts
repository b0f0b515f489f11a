// The README shows the editor test's pictures, and they are in the repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { README_PICTURES } from './editor/pictures';

const ROOT = path.resolve(__dirname, '..');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('README pictures', () => {
	const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

	it.each(README_PICTURES)('%s: shown in the README and committed as a PNG', (name) => {
		const file = `docs/images/${name}.png`;
		expect(readme).toMatch(new RegExp(`(\\]\\(|src=")${file.replace(/\./g, '\\.')}[)"]`));
		const image = readFileSync(path.join(ROOT, file));
		expect(image.subarray(0, 8).equals(PNG), file).toBe(true);
		// Width and height from the IHDR chunk: a real screenshot, not an empty image.
		expect(image.readUInt32BE(16), file).toBeGreaterThan(300);
		expect(image.readUInt32BE(20), file).toBeGreaterThan(300);
	});
});
