/**
 * Epoch seconds from what an n8n date field holds: an ISO string (with or without an offset;
 * without one it is wall time in the workflow's timezone, as the date picker means it), epoch
 * seconds or milliseconds, a Date, or a Luxon DateTime from an expression. Undefined if invalid.
 */
export function toEpochSeconds(value: unknown, timezone: string): number | undefined {
	const ms = toMillis(value, timezone);
	return ms === undefined || !Number.isFinite(ms) ? undefined : Math.floor(ms / 1000);
}

const NUMERIC = /^\d+(\.\d+)?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Epoch numbers above this are milliseconds (it is in 1973 as milliseconds, in 5138 as seconds). */
const MILLISECONDS_FROM = 1e11;

function fromEpochNumber(value: number): number {
	return value >= MILLISECONDS_FROM ? value : value * 1000;
}

function toMillis(value: unknown, timezone: string): number | undefined {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return fromEpochNumber(value);
	if (value !== null && typeof value === 'object') {
		const toMillisMethod = (value as { toMillis?: unknown }).toMillis;
		if (typeof toMillisMethod === 'function') return Number(toMillisMethod.call(value));
		return undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (NUMERIC.test(text)) return fromEpochNumber(Number(text));
	const wall = WALL_TIME.exec(text);
	if (wall) return wallTimeToMillis(wall, timezone);
	if (!HAS_OFFSET.test(text)) return undefined;
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? undefined : parsed;
}

function wallTimeToMillis(match: RegExpExecArray, timezone: string): number | undefined {
	const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
	const millisecond = Number((match[7] ?? '0').padEnd(3, '0'));
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	const check = new Date(asUtc);
	// Date.UTC rolls 2024-02-31 over to March: a date that does not exist is refused instead.
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
		return undefined;
	}
	const offset = zoneOffset(asUtc, timezone);
	if (offset === undefined) return undefined;
	// The offset at the resulting instant, in case the first guess crossed a DST change.
	return asUtc - (zoneOffset(asUtc - offset, timezone) ?? offset);
}

/** How far `timezone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timezone: string): number | undefined {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone: timezone || 'UTC',
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		}).formatToParts(new Date(instant));
	} catch {
		return undefined;
	}
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(instant / 1000) * 1000;
}
