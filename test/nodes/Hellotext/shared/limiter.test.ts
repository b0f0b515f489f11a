import { sleep } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { RequestLimiter, RunStopped } from '../../../../nodes/Hellotext/shared/limiter';

// The limiter's own cases that an engine run cannot time: what a close does to a request that
// already holds a slot but waits out the pause between batches. (A close with requests waiting
// for a slot, and the bound, run through n8n's engine in reliability.test.ts.)
describe('the limiter', () => {
	it('a request waiting out the pause between batches when the run stops is not sent', async () => {
		const limiter = new RequestLimiter(1, 300);
		const sent: string[] = [];
		await limiter.run(async () => sent.push('first'));
		// The second batch: it takes the freed slot, then waits 300 ms.
		const second = limiter.run(async () => sent.push('second'));
		await sleep(100);
		limiter.close();
		await expect(second).rejects.toBeInstanceOf(RunStopped);
		expect(sent).toEqual(['first']);
		// Nor is anything asked for after the close.
		await expect(limiter.run(async () => sent.push('third'))).rejects.toBeInstanceOf(RunStopped);
		expect(sent).toEqual(['first']);
	});
});
