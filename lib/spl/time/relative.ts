/**
 * Relative time modifiers (`-7d@d`, `@w1`, `+1h`, `now`) as used by `relative_time(t, spec)` and
 * `earliest=`/`latest=` [V "Time modifiers" / "Specify time modifiers in your search"]:
 * `[+|-]<integer><unit>` offsets and `@<unit>` snaps, applied left to right; the integer may be
 * omitted (means 1). Snapping rounds down to the start of the unit; `@w0`…`@w7` snap to a weekday
 * (`w`, `w0`, `w7` = Sunday). All calendar work is in UTC (see timefmt.ts). Pure; never throws.
 */

type Unit = "s" | "m" | "h" | "d" | "w" | "mon" | "q" | "y";

const UNIT_NAMES: Record<string, Unit> = {
  s: "s", sec: "s", secs: "s", second: "s", seconds: "s",
  m: "m", min: "m", mins: "m", minute: "m", minutes: "m",
  h: "h", hr: "h", hrs: "h", hour: "h", hours: "h",
  d: "d", day: "d", days: "d",
  w: "w", week: "w", weeks: "w",
  mon: "mon", month: "mon", months: "mon",
  q: "q", qtr: "q", qtrs: "q", quarter: "q", quarters: "q",
  y: "y", yr: "y", yrs: "y", year: "y", years: "y",
};

const SECONDS: Partial<Record<Unit, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Parse a unit name (`d`, `days`, `mon`, …). */
export function parseTimeUnit(name: string): Unit | null {
  return UNIT_NAMES[name.toLowerCase()] ?? null;
}

/** Add `n` calendar months, clamping the day to the target month's length [U: Splunk's rule]. */
function addMonths(epoch: number, n: number): number {
  const d = new Date(Math.floor(epoch) * 1000);
  const frac = epoch - Math.floor(epoch);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const targetY = y + Math.floor(m / 12);
  const targetM = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetY, targetM + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  const ms = Date.UTC(targetY, targetM, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return ms / 1000 + frac;
}

function offset(epoch: number, n: number, unit: Unit): number {
  const secs = SECONDS[unit];
  if (secs !== undefined) return epoch + n * secs;
  if (unit === "mon") return addMonths(epoch, n);
  if (unit === "q") return addMonths(epoch, 3 * n);
  return addMonths(epoch, 12 * n);
}

function snap(epoch: number, unit: Unit, weekday: number): number {
  const d = new Date(Math.floor(epoch) * 1000);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth();
  const D = d.getUTCDate();
  switch (unit) {
    case "s": return Math.floor(epoch);
    case "m": return Math.floor(epoch / 60) * 60;
    case "h": return Math.floor(epoch / 3600) * 3600;
    case "d": return Date.UTC(Y, M, D) / 1000;
    case "w": {
      const back = (d.getUTCDay() - weekday + 7) % 7;
      return Date.UTC(Y, M, D - back) / 1000;
    }
    case "mon": return Date.UTC(Y, M, 1) / 1000;
    case "q": return Date.UTC(Y, M - (M % 3), 1) / 1000;
    case "y": return Date.UTC(Y, 0, 1) / 1000;
  }
}

const TOKEN = /([+-])(\d*)([a-zA-Z]+)|@([a-zA-Z]+)(\d?)/y;

/**
 * Apply a relative time modifier to `epoch` (seconds). null when the modifier is not valid.
 * `now` and the empty string leave the time unchanged.
 */
export function applyRelativeTime(epoch: number, modifier: string): number | null {
  if (typeof epoch !== "number" || !Number.isFinite(epoch) || typeof modifier !== "string") return null;
  const spec = modifier.trim();
  if (spec === "" || spec.toLowerCase() === "now") return epoch;
  let t = epoch;
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < spec.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(spec);
    if (!m) return null;
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      const unit = parseTimeUnit(m[3] as string);
      if (!unit) return null;
      const n = m[2] === "" ? 1 : Number(m[2]);
      t = offset(t, m[1] === "-" ? -n : n, unit);
    } else {
      const unit = parseTimeUnit(m[4] as string);
      if (!unit) return null;
      const digit = m[5] ?? "";
      if (digit !== "" && unit !== "w") return null;
      const weekday = digit === "" ? 0 : Number(digit) % 7;
      t = snap(t, unit, weekday);
    }
    if (!Number.isFinite(t)) return null;
  }
  return t;
}

/** Parse a span such as `7d`, `1h`, `30` (seconds) into seconds; months/years are not fixed → null. */
export function parseSpanSeconds(span: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(span.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === "") return n;
  const unit = parseTimeUnit(m[2] as string);
  const secs = unit ? SECONDS[unit] : undefined;
  return secs === undefined ? null : n * secs;
}
