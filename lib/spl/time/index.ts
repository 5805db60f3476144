/**
 * strftime / strptime with Splunk's common time format variables ("Date and time format
 * variables", Search Reference). TIME ZONE: everything is UTC. Splunk renders in the search user's
 * time zone [U]; pasted events carry no user, so the console fixes UTC (documented in the UI).
 * Pure; never throws.
 */

import { MONTHS, WEEKDAYS } from "./names";

export { MONTHS, WEEKDAYS } from "./names";
export { strptime } from "./parse";

function pad(n: number, width: number, fill = "0"): string {
  const s = String(Math.abs(Math.trunc(n)));
  const body = s.length >= width ? s : fill.repeat(width - s.length) + s;
  return n < 0 ? "-" + body : body;
}

/** Day of the year, 1-based. */
function dayOfYear(d: Date): number {
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.floor((d.getTime() - start) / 86400000) + 1;
}

/** ISO 8601 week number and week-based year. */
function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7), year: t.getUTCFullYear() };
}

/** Week of the year with weeks starting on `firstDay` (0 = Sunday for %U, 1 = Monday for %W). */
function weekOfYear(d: Date, firstDay: number): number {
  const yday = dayOfYear(d) - 1;
  const wday = (d.getUTCDay() - firstDay + 7) % 7;
  return Math.floor((yday + 7 - wday) / 7);
}

/** Subsecond digits of `epoch` (microsecond precision, truncated to `width` digits, 1–9). */
function subseconds(epoch: number, width: number): string {
  const whole = Math.floor(epoch);
  const micros = Math.min(999999, Math.max(0, Math.round(epoch * 1e6) - whole * 1e6));
  return (pad(micros, 6) + "000").slice(0, Math.max(1, Math.min(9, width)));
}

// The last rendering: a search converts firstTime and lastTime of the same row, and the same
// event is converted by every analytic that keeps it.
let lastEpoch = NaN;
let lastFormat = "";
let lastOut = "";

/**
 * Format epoch seconds. Supported: %Y %y %m %d %e %H %k %I %l %M %S %p %b %h %B %a %A %j %U %W %V
 * %G %u %w %Z (→ UTC) %z (→ +0000) %:z %s %F %T %D %R %c %x %X %N %3N %6N %9N %Q %3Q %f %n %t %%.
 * Unknown codes are written through unchanged. Only UTC is implemented; `tz` other than
 * UTC/GMT/Z is ignored (still UTC). A non-finite or out-of-range time gives "".
 */
export function strftime(epochSeconds: number, format: string, tz = "UTC"): string {
  void tz;
  if (epochSeconds === lastEpoch && format === lastFormat) return lastOut;
  const out = render(epochSeconds, format);
  lastEpoch = epochSeconds;
  lastFormat = format;
  lastOut = out;
  return out;
}

function render(epochSeconds: number, format: string): string {
  if (typeof epochSeconds !== "number" || !Number.isFinite(epochSeconds)) return "";
  const d = new Date(Math.floor(epochSeconds) * 1000);
  if (Number.isNaN(d.getTime())) return "";
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== "%" || i === format.length - 1) {
      out += ch;
      continue;
    }
    let j = i + 1;
    let width = "";
    while (j < format.length && /[0-9]/.test(format[j] as string)) width += format[j++];
    let code = format[j] ?? "";
    if (code === ":" && format[j + 1] === "z") {
      code = ":z";
      j++;
    }
    const w = width === "" ? -1 : Number(width);
    const rendered = formatCode(code, d, epochSeconds, w);
    if (rendered === null) {
      out += format.slice(i, j + 1);
    } else {
      out += rendered;
    }
    i = j;
  }
  return out;
}

function formatCode(code: string, d: Date, epoch: number, width: number): string | null {
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  switch (code) {
    case "Y": return String(Y);
    case "y": return pad(((Y % 100) + 100) % 100, 2);
    case "C": return pad(Math.floor(Y / 100), 2);
    case "m": return pad(mo + 1, 2);
    case "d": return pad(day, 2);
    case "e": return pad(day, 2, " ");
    case "H": return pad(H, 2);
    case "k": return pad(H, 2, " ");
    case "I": return pad(H % 12 === 0 ? 12 : H % 12, 2);
    case "l": return pad(H % 12 === 0 ? 12 : H % 12, 2, " ");
    case "M": return pad(M, 2);
    case "S": return pad(S, 2);
    case "p": return H < 12 ? "AM" : "PM";
    case "b":
    case "h": return (MONTHS[mo] as string).slice(0, 3);
    case "B": return MONTHS[mo] as string;
    case "a": return (WEEKDAYS[wd] as string).slice(0, 3);
    case "A": return WEEKDAYS[wd] as string;
    case "j": return pad(dayOfYear(d), 3);
    case "U": return pad(weekOfYear(d, 0), 2);
    case "W": return pad(weekOfYear(d, 1), 2);
    case "V": return pad(isoWeek(d).week, 2);
    case "G": return String(isoWeek(d).year);
    case "u": return String(wd === 0 ? 7 : wd);
    case "w": return String(wd);
    case "Z": return "UTC";
    case "z": return "+0000";
    case ":z": return "+00:00";
    case "s": return String(Math.floor(epoch));
    case "F": return `${Y}-${pad(mo + 1, 2)}-${pad(day, 2)}`;
    case "T":
    case "X": return `${pad(H, 2)}:${pad(M, 2)}:${pad(S, 2)}`;
    case "R": return `${pad(H, 2)}:${pad(M, 2)}`;
    case "D":
    case "x": return `${pad(mo + 1, 2)}/${pad(day, 2)}/${pad(((Y % 100) + 100) % 100, 2)}`;
    case "c": return `${(WEEKDAYS[wd] as string).slice(0, 3)} ${(MONTHS[mo] as string).slice(0, 3)} ${pad(day, 2, " ")} ${pad(H, 2)}:${pad(M, 2)}:${pad(S, 2)} ${Y}`;
    // %N and %Q: subseconds, default 3 digits (milliseconds); %6N microseconds, %9N nanoseconds.
    case "N":
    case "Q": return subseconds(epoch, width > 0 ? width : 3);
    case "f": return subseconds(epoch, width > 0 ? width : 6);
    case "n": return "\n";
    case "t": return "\t";
    case "%": return "%";
    default: return null;
  }
}
