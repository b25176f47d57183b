/** A spec duration such as 30m, 2h or 1d. */
export interface Duration {
  readonly count: number;
  readonly unit: 'minute' | 'hour' | 'day';
}

const UNITS: Readonly<Record<string, Duration['unit']>> = { m: 'minute', h: 'hour', d: 'day' };

/** Undefined for text that is not a duration; the schema already rejects those. */
export function parseDuration(text: string | undefined): Duration | undefined {
  const match = text === undefined ? null : /^(\d+)\s*([mhd])$/.exec(text.trim());
  return match ? { count: Number(match[1]), unit: UNITS[match[2]] } : undefined;
}
