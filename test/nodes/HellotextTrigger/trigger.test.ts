import { describe, expect, it } from 'vitest';
import { NodeApiError, NodeOperationError, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { MAX_ATTEMPTS } from '../../../nodes/Hellotext/shared/retryPolicy';
import { HellotextTrigger } from '../../../nodes/HellotextTrigger/HellotextTrigger.node.ts';
import { engineWithToken, ids, TRIGGER_TYPE, TriggerSession, useTriggerSandbox } from './poller';

type Stream = 'event' | 'profile';
const EVENTS = '/v1/attribution/events';
const PROFILES = '/v1/profiles';

describe('Hellotext Trigger', () => {
	const env = useTriggerSandbox();

	const insertEvents = (count: number, action: string | { id: string; name: string; title: string } = 'order.placed') =>
		Array.from({ length: count }, () => env.sandbox.insert('events', 'event', { action }).id);
	const insertProfiles = (count: number) =>
		Array.from({ length: count }, (_, i) => env.sandbox.insert('profiles', 'profile', { first_name: `P${i}`, properties: [] }).id);
	const insert = (stream: Stream, count: number) => (stream === 'event' ? insertEvents(count) : insertProfiles(count));
	const pathOf = (stream: Stream) => (stream === 'event' ? EVENTS : PROFILES);
	const session = (parameters: INodeParameters) => new TriggerSession(env, parameters);
	const events = (actions: string[] = [], maxItems?: number) =>
		session({ triggerOn: 'event', eventTypes: actions, options: maxItems ? { maxItems } : {} });
	const remove = (collection: string, id: string) => env.sandbox.remove(collection, id);

	/** Activation, checked: nothing emitted, one request, the position saved. */
	async function activated(trigger: TriggerSession) {
		const result = await trigger.poll();
		expect(result.error).toBeUndefined();
		expect(result.items).toBeNull();
		expect(result.requests).toHaveLength(1);
		expect(trigger.saved?.position).toBeDefined();
		return trigger;
	}

	describe('first activation', () => {
		it.each<Stream>(['profile', 'event'])('records where the %s stream stands and emits nothing', async (stream) => {
			const history = insert(stream, 7);
			const trigger = session({ triggerOn: stream });
			await activated(trigger);
			const { requests } = env.sandbox;
			expect(requests[0]).toMatchObject({ method: 'GET', path: pathOf(stream) });
			expect(requests[0].query).toEqual(stream === 'profile' ? { order: 'created_at', limit: '100' } : { limit: '100' });
			expect(trigger.saved?.position).toMatchObject({ id: history[6] });

			const idle = await trigger.poll();
			expect(idle.items).toBeNull();
			expect(idle.requests).toHaveLength(1);
		});

		it('on an empty stream, emits everything that arrives afterwards', async () => {
			const trigger = await activated(events());
			const fresh = insertEvents(3);
			expect(ids((await trigger.poll()).items)).toEqual(fresh);
		});
	});

	describe('every new object exactly once, oldest first', () => {
		const counts = [0, 1, 99, 100, 101, 250, 1000];
		it.each(counts.flatMap((count) => (['event', 'profile'] as Stream[]).map((stream) => [count, stream] as const)))(
			'%i new %ss between polls',
			async (count, stream) => {
				insert(stream, 5);
				const trigger = await activated(session({ triggerOn: stream, options: { maxItems: 1000 } }));
				const fresh = insert(stream, count);

				const { items, requests, error } = await trigger.poll();
				expect(error).toBeUndefined();
				expect(ids(items)).toEqual(fresh);
				expect(new Set(ids(items)).size).toBe(count);
				// Pages of 100 from the newest down to the page that holds the last known object.
				expect(requests).toHaveLength(Math.floor(count / 100) + 1);
				if (count === 1000) expect(requests.length).toBeLessThanOrEqual(11);
				requests.forEach((request, page) => {
					expect(request.query.limit).toBe('100');
					expect(request.query.starting_after).toBe(page === 0 ? undefined : fresh[count - 100 * page]);
				});
				if (count > 0) expect(trigger.saved?.position).toMatchObject({ id: fresh[count - 1] });

				const idle = await trigger.poll();
				expect(idle.items).toBeNull();
				expect(idle.requests).toHaveLength(1);
			},
		);

		it('profiles are listed in creation order, so recent activity neither repeats nor hides one', async () => {
			const first = (env.sandbox.call('POST', PROFILES, { first_name: 'Old' }) as IDataObject).id as string;
			const trigger = await activated(session({ triggerOn: 'profile' }));
			const created = (env.sandbox.call('POST', PROFILES, { first_name: 'New' }) as IDataObject).id as string;
			env.sandbox.call('PATCH', `${PROFILES}/${first}`, { last_name: 'Active' });
			const { items, requests } = await trigger.poll();
			expect(ids(items)).toEqual([created]);
			expect(items?.[0]).toMatchObject({ type: 'profile', first_name: 'New' });
			expect(requests[0].query.order).toBe('created_at');
		});

		it('emits the full object as listed', async () => {
			const trigger = await activated(events());
			const [id] = insertEvents(1, { id: 'Wvqz2qD1', name: 'order.confirmed', title: 'Order confirmed' });
			const { items } = await trigger.poll();
			expect(items).toEqual([env.sandbox.call('GET', `${EVENTS}/${id}`)]);
		});
	});

	describe('same-second ties', () => {
		it('objects created in the same second as the last one are neither skipped nor repeated', async () => {
			env.sandbox.now = () => 1_700_000_000;
			insertEvents(2);
			const trigger = await activated(events());
			const first = insertEvents(3);
			expect(ids((await trigger.poll()).items)).toEqual(first);
			const second = insertEvents(150);
			expect(ids((await trigger.poll()).items)).toEqual(second);
			expect((await trigger.poll()).items).toBeNull();
			expect(trigger.saved?.position).toMatchObject({ createdAt: 1_700_000_000 });
			expect((trigger.saved?.position as IDataObject).idsAtSecond).toHaveLength(155);
		});
	});

	describe('the last emitted object was deleted', () => {
		it('falls back to its created_at: newer objects once, older history never', async () => {
			let clock = 1_700_000_000;
			env.sandbox.now = () => clock;
			insertEvents(20);
			const trigger = await activated(events());
			clock++;
			const emitted = insertEvents(4);
			expect(ids((await trigger.poll()).items)).toEqual(emitted);
			remove('events', emitted[3]);
			expect((await trigger.poll()).items).toBeNull();

			clock++;
			const fresh = insertEvents(130);
			const { items, requests } = await trigger.poll();
			expect(ids(items)).toEqual(fresh);
			expect(requests).toHaveLength(2);
			expect((await trigger.poll()).items).toBeNull();
		});

		it('ties in its second are told apart by the ids recorded for that second', async () => {
			const clock = 1_700_000_000;
			env.sandbox.now = () => clock;
			const [, , newest] = insertEvents(3);
			const trigger = await activated(events());
			remove('events', newest);
			const sameSecond = insertEvents(2);
			env.sandbox.now = () => clock + 1;
			const later = insertEvents(1);
			expect(ids((await trigger.poll()).items)).toEqual([...sameSecond, ...later]);
			expect((await trigger.poll()).items).toBeNull();
		});

		it('keeps working when the last object and every older one are gone', async () => {
			const old = insertProfiles(2);
			const trigger = await activated(session({ triggerOn: 'profile' }));
			old.forEach((id) => remove('profiles', id));
			const fresh = insertProfiles(2);
			expect(ids((await trigger.poll()).items)).toEqual(fresh);
		});
	});

	describe('a poll that fails part-way changes nothing', () => {
		// hellotextRequest retries a GET on 429, 502-504 and dropped connections: these fail every attempt.
		const quick = { 'retry-after': '0' };
		it.each([
			['503', { status: 503, headers: quick }],
			['429', { status: 429, headers: quick }],
			['a dropped connection', { destroy: true }],
		])('%s on the second page: the next poll delivers everything once', async (_name, fault) => {
			insertEvents(10);
			const trigger = await activated(events());
			const fresh = insertEvents(250);
			const live = JSON.parse(JSON.stringify(trigger.live));
			const saved = trigger.saved;
			env.sandbox.faults.push({ path: EVENTS, after: 1, times: MAX_ATTEMPTS, ...fault });

			const failed = await trigger.poll();
			expect(failed.error).toBeDefined();
			expect(failed.requests).toHaveLength(1 + MAX_ATTEMPTS);
			for (const retry of failed.requests.slice(1)) expect(retry.query.starting_after).toBe(fresh[150]);
			if ('status' in fault) expect(failed.error?.httpCode).toBe(String(fault.status));
			expect(trigger.live).toEqual(live);
			expect(trigger.saved).toBe(saved);

			expect(ids((await trigger.poll()).items)).toEqual(fresh);
			expect((await trigger.poll()).items).toBeNull();
		});

		it('a passing hiccup is retried within the poll', async () => {
			const trigger = await activated(events());
			const fresh = insertEvents(150);
			env.sandbox.faults.push({ path: EVENTS, after: 1, status: 503, headers: quick });
			const { items, requests } = await trigger.poll();
			expect(ids(items)).toEqual(fresh);
			expect(requests.map((request) => request.status)).toEqual([200, 503, 200]);
		});

		it('a failed activation saves nothing; the next poll activates', async () => {
			insertEvents(3);
			env.sandbox.faults.push({ path: EVENTS, status: 500 });
			const trigger = events();
			expect((await trigger.poll()).error).toBeDefined();
			expect(trigger.saved).toBeUndefined();
			await activated(trigger);
			const fresh = insertEvents(2);
			expect(ids((await trigger.poll()).items)).toEqual(fresh);
		});

		it('401 names the credential and leaves the position alone', async () => {
			const [, newest] = insertEvents(2);
			const trigger = await activated(events());
			insertEvents(2);
			trigger.engine = engineWithToken(env, 'wrong-token');
			const { error } = await trigger.poll();
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error?.httpCode).toBe('401');
			expect(error?.message).toMatch(/credential/i);
			expect(trigger.saved?.position).toMatchObject({ id: newest });
			expect(trigger.live.position).toMatchObject({ id: newest });
			trigger.engine = env.engine;
			expect((await trigger.poll()).items).toHaveLength(2);
		});
	});

	describe('restart', () => {
		it('resumes from the saved position: everything that arrived while down, once', async () => {
			const trigger = await activated(events());
			const first = insertEvents(2);
			expect(ids((await trigger.poll()).items)).toEqual(first);
			trigger.restart();
			const whileDown = insertEvents(120);
			const { items } = await trigger.poll();
			expect(ids(items)).toEqual(whileDown);
			trigger.restart();
			expect((await trigger.poll()).items).toBeNull();
		});

		it('a poll that only saw filtered-out events is not saved, and the restart costs no duplicate', async () => {
			const trigger = await activated(events(['order.placed']));
			const placed = insertEvents(1);
			expect(ids((await trigger.poll()).items)).toEqual(placed);
			const savedBefore = trigger.saved;
			insertEvents(3, 'cart.added');
			expect((await trigger.poll()).items).toBeNull();
			expect(trigger.saved).toBe(savedBefore);
			trigger.restart();
			const later = insertEvents(1);
			expect(ids((await trigger.poll()).items)).toEqual(later);
		});

		it('saves the state through a top-level assignment n8n notices', async () => {
			const trigger = await activated(events());
			const fresh = insertEvents(1);
			await trigger.poll();
			expect(trigger.saved?.position).toMatchObject({ id: fresh[0] });
		});
	});

	describe('the cap per poll', () => {
		it('emits the oldest 500 by default and the rest in the next polls, never lost or twice', async () => {
			const trigger = await activated(events());
			const fresh = insertEvents(1200);
			const batches: string[][] = [];
			for (let poll = 0; poll < 3; poll++) {
				batches.push(ids((await trigger.poll()).items));
				trigger.restart();
			}
			expect(batches.map((batch) => batch.length)).toEqual([500, 500, 200]);
			expect(batches.flat()).toEqual(fresh);
			expect((await trigger.poll()).items).toBeNull();
		});

		it('counts only matching events and holds the position at the newest emitted one', async () => {
			const trigger = await activated(events(['order.placed'], 2));
			const [p1] = insertEvents(1);
			insertEvents(1, 'cart.added');
			const [p2] = insertEvents(1);
			insertEvents(1, 'cart.added');
			const [p3] = insertEvents(1);
			expect(ids((await trigger.poll()).items)).toEqual([p1, p2]);
			expect(trigger.saved?.position).toMatchObject({ id: p2 });
			expect(ids((await trigger.poll()).items)).toEqual([p3]);
			expect(trigger.live.position).toMatchObject({ id: p3 });
			expect((await trigger.poll()).items).toBeNull();
		});
	});

	describe('the event type filter', () => {
		it('emits only events of the chosen types, built-in or the account’s own, in either action shape', async () => {
			const trigger = await activated(events(['order.placed', 'signup.completed']));
			const [placed] = insertEvents(1);
			insertEvents(1, 'cart.added');
			const [custom] = insertEvents(1, { id: 'Wvqz2qD1', name: 'signup.completed', title: 'Signup' });
			insertEvents(1, { id: 'Wvqz2qD2', name: 'order.shipped', title: 'Shipped' });
			expect(ids((await trigger.poll()).items)).toEqual([placed, custom]);
		});

		it('changing the filters starts a fresh position and emits nothing on that poll', async () => {
			const trigger = await activated(events(['order.placed']));
			insertEvents(1, 'cart.added');
			const placed = insertEvents(1);
			expect(ids((await trigger.poll()).items)).toEqual(placed);

			insertEvents(2, 'cart.added');
			trigger.restart({ triggerOn: 'event', eventTypes: ['cart.added', 'order.placed'] });
			const changed = await trigger.poll();
			expect(changed.items).toBeNull();
			expect(changed.requests).toHaveLength(1);
			const carts = insertEvents(1, 'cart.added');
			expect(ids((await trigger.poll()).items)).toEqual(carts);

			trigger.restart({ triggerOn: 'profile' });
			insertProfiles(1);
			expect((await trigger.poll()).items).toBeNull();
			const profiles = insertProfiles(1);
			expect(ids((await trigger.poll()).items)).toEqual(profiles);
		});

		it('offers the built-in event types and the account’s own', async () => {
			env.sandbox.insert('actions', 'action', { name: 'signup.completed', title: 'Signup completed', goal: false, passive: true });
			const context = env.engine.loadOptionsContext({ triggerOn: 'event' }, TRIGGER_TYPE);
			const options = await new HellotextTrigger().methods.loadOptions.getEventTypes.call(context);
			const values = options.map((option) => option.value);
			expect(values).toContain('order.placed');
			expect(values).toContain('refund.received');
			expect(options).toContainEqual({ name: 'Signup completed (signup.completed)', value: 'signup.completed' });
			expect(options.map((option) => option.name)).toEqual(options.map((option) => option.name).sort((a, b) => a.localeCompare(b)));
		});
	});

	describe('overlapping polls (n8n starts one per tick, without waiting for the last)', () => {
		it('a poll that starts while another of the same node runs stands down: each object once', async () => {
			const trigger = await activated(events());
			const fresh = insertEvents(250);
			env.sandbox.latencyMs = 30; // the first poll's three pages take a while
			const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);
			env.sandbox.latencyMs = 0;
			expect(ids(first.items)).toEqual(fresh);
			expect(second.items).toBeNull();
			expect(second.error).toBeUndefined();
			const later = insertEvents(2);
			expect(ids((await trigger.poll()).items)).toEqual(later);
		});

		it('a failed poll does not keep the next ones out', async () => {
			const trigger = await activated(events());
			env.sandbox.faults.push({ path: EVENTS, status: 401, times: 1 });
			expect((await trigger.poll()).error).toBeDefined();
			const fresh = insertEvents(3);
			expect(ids((await trigger.poll()).items)).toEqual(fresh);
		});

		it('polls of another trigger node are not held back', async () => {
			const a = await activated(events());
			const b = await activated(new TriggerSession(env, { triggerOn: 'profile' }, env.engine, 'node-2'));
			const freshEvents = insertEvents(2);
			const freshProfiles = insertProfiles(2);
			env.sandbox.latencyMs = 30;
			const [fromA, fromB] = await Promise.all([a.poll(), b.poll()]);
			env.sandbox.latencyMs = 0;
			expect(ids(fromA.items)).toEqual(freshEvents);
			expect(ids(fromB.items)).toEqual(freshProfiles);
		});
	});

	describe('manual run (Fetch Test Event)', () => {
		it('returns the newest object and never reads or writes the position', async () => {
			const [, newest] = insertProfiles(2);
			const trigger = session({ triggerOn: 'profile' });
			trigger.live = { position: { fingerprint: 'profile', id: 'gone1234', createdAt: 1, idsAtSecond: ['gone1234'] } };
			const before = JSON.parse(JSON.stringify(trigger.live));
			const { items, requests, error } = await trigger.poll('manual');
			expect(error).toBeUndefined();
			expect(ids(items)).toEqual([newest]);
			expect(requests).toHaveLength(1);
			expect(requests[0].query).toEqual({ order: 'created_at', limit: '1' });
			expect(trigger.live).toEqual(before);
			expect(trigger.saved).toBeUndefined();
		});

		it('with a filter, returns the newest matching event', async () => {
			const [placed] = insertEvents(1);
			insertEvents(120, 'cart.added');
			const trigger = events(['order.placed']);
			const { items, requests } = await trigger.poll('manual');
			expect(ids(items)).toEqual([placed]);
			expect(requests).toHaveLength(2);
			expect(trigger.live).toEqual({});
		});

		it.each([
			['profiles', { triggerOn: 'profile' }],
			['events', { triggerOn: 'event' }],
			['events of the chosen types', { triggerOn: 'event', eventTypes: ['order.placed'] }],
		])('says clearly when there are no %s yet', async (noun, parameters: INodeParameters) => {
			if (parameters.eventTypes) insertEvents(2, 'cart.added');
			const { error, items } = await session(parameters).poll('manual');
			expect(items).toBeNull();
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toContain(`There are no ${noun}`);
			expect(error?.message).toContain('yet');
		});
	});
});
