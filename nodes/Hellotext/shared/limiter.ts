import { sleep } from 'n8n-workflow';

/** Why a request was not sent: its run stopped at another item's failure (limiter `close`). */
export class RunStopped extends Error {
	constructor() {
		super('Hellotext: the run stopped at an earlier failure; this request was not sent');
	}
}

/**
 * Bounds the requests one node run has in flight. n8n's declarative engine starts every input
 * item's request at once; each request takes a slot here first. After every `size` requests
 * started, the next waits `pauseMs` (a pause between batches), when set. Once closed, no request
 * waiting for a slot, or asking for one later, is sent (they reject with RunStopped).
 */
export class RequestLimiter {
	private active = 0;
	private started = 0;
	private closed = false;
	private readonly waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
	private pause: Promise<void> = Promise.resolve();

	constructor(
		readonly size: number,
		readonly pauseMs: number,
	) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			if (this.closed) throw new RunStopped(); // closed during the pause between batches
			return await task();
		} finally {
			this.release();
		}
	}

	/** Requests in flight finish; the others are not sent. */
	close(): void {
		this.closed = true;
		for (const waiter of this.waiting.splice(0)) waiter.reject(new RunStopped());
	}

	private async acquire(): Promise<void> {
		if (this.closed) throw new RunStopped();
		if (this.active >= this.size) {
			await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
		} else {
			this.active++;
		}
		this.started++;
		if (this.pauseMs > 0 && this.started > 1 && (this.started - 1) % this.size === 0) {
			this.pause = this.pause.then(async () => await sleep(this.pauseMs));
		}
		await this.pause;
	}

	/**
	 * The slot passes to the next waiter, or is freed, in a later turn of the event loop: by then
	 * what the finished request led to has run (a failure that stops the run closes the limiter
	 * first). Passed at once, the next item's request would leave before its run could stop.
	 */
	private release(): void {
		void sleep(0).then(() => {
			const next = this.waiting.shift();
			if (next) next.resolve();
			else this.active--;
		});
	}
}
