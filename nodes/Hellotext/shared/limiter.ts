import { sleep } from 'n8n-workflow';

/**
 * Bounds the requests one node run has in flight. n8n's declarative engine starts every input
 * item's request at once; each request takes a slot here first. After every `size` requests
 * started, the next waits `pauseMs` (a pause between batches), when set.
 */
export class RequestLimiter {
	private active = 0;
	private started = 0;
	private readonly waiting: Array<() => void> = [];
	private pause: Promise<void> = Promise.resolve();

	constructor(
		readonly size: number,
		readonly pauseMs: number,
	) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}

	private async acquire(): Promise<void> {
		if (this.active >= this.size) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.active++;
		}
		this.started++;
		if (this.pauseMs > 0 && this.started > 1 && (this.started - 1) % this.size === 0) {
			this.pause = this.pause.then(async () => await sleep(this.pauseMs));
		}
		await this.pause;
	}

	private release(): void {
		const next = this.waiting.shift();
		if (next) next(); // the slot passes straight to the next waiter
		else this.active--;
	}
}
