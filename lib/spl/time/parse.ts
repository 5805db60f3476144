/**
 * strptime: parse text with Splunk's time format variables into epoch seconds. UTC unless the text
 * carries an offset (%z). Split from timefmt.ts; import strptime from ".".
 */
import { MONTHS, WEEKDAYS } from "./names";

interface Parts {
  year?: number;
  month?: number; // 0-based
  day?: number;
  yday?: number;
  hour?: number;
  minute?: number;
  second?: number;
  frac?: number;
  pm?: boolean;
  offsetMinutes?: number;
  epoch?: number;
}

class Cursor {
  pos = 0;
  constructor(readonly s: string) {}
  digits(min: number, max: number): number | null {
    let j = this.pos;
    while (j < this.s.length && j - this.pos < max && /[0-9]/.test(this.s[j] as string)) j++;
    if (j - this.pos < min) return null;
    const n = Number(this.s.slice(this.pos, j));
    this.pos = j;
    return n;
  }
  signedDigits(min: number, max: number): number | null {
    let sign = 1;
    if (this.s[this.pos] === "-" || this.s[this.pos] === "+") {
      sign = this.s[this.pos] === "-" ? -1 : 1;
      this.pos++;
    }
    const n = this.digits(min, max);
    return n === null ? null : sign * n;
  }
  word(names: string[]): number | null {
    const rest = this.s.slice(this.pos).toLowerCase();
    // Full names first, then three-letter abbreviations.
    for (let k = 0; k < names.length; k++) {
      const full = (names[k] as string).toLowerCase();
      if (rest.startsWith(full)) {
        this.pos += full.length;
        return k;
      }
    }
    for (let k = 0; k < names.length; k++) {
      const abbr = (names[k] as string).slice(0, 3).toLowerCase();
      if (rest.startsWith(abbr)) {
        this.pos += 3;
        return k;
      }
    }
    return null;
  }
  skipSpaces(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] as string)) this.pos++;
  }
}

function parseOffset(c: Cursor): number | null {
  const ch = c.s[c.pos];
  if (ch === "Z" || ch === "z") {
    c.pos++;
    return 0;
  }
  if (ch !== "+" && ch !== "-") return null;
  const sign = ch === "-" ? -1 : 1;
  c.pos++;
  const hh = c.digits(2, 2);
  if (hh === null) return null;
  if (c.s[c.pos] === ":") c.pos++;
  const mm = c.digits(2, 2) ?? 0;
  return sign * (hh * 60 + mm);
}

function parseCode(code: string, width: number, c: Cursor, p: Parts): boolean {
  let n: number | null;
  switch (code) {
    case "Y": n = c.signedDigits(1, 4); if (n === null) return false; p.year = n; return true;
    case "y": n = c.digits(1, 2); if (n === null) return false; p.year = n < 69 ? 2000 + n : 1900 + n; return true;
    case "m": n = c.digits(1, 2); if (n === null || n < 1 || n > 12) return false; p.month = n - 1; return true;
    case "d":
    case "e": c.skipSpaces(); n = c.digits(1, 2); if (n === null || n < 1 || n > 31) return false; p.day = n; return true;
    case "j": n = c.digits(1, 3); if (n === null || n < 1 || n > 366) return false; p.yday = n; return true;
    case "H":
    case "k": c.skipSpaces(); n = c.digits(1, 2); if (n === null || n > 24) return false; p.hour = n; return true;
    case "I":
    case "l": c.skipSpaces(); n = c.digits(1, 2); if (n === null || n < 1 || n > 12) return false; p.hour = n % 12; return true;
    case "M": n = c.digits(1, 2); if (n === null || n > 59) return false; p.minute = n; return true;
    case "S": n = c.digits(1, 2); if (n === null || n > 60) return false; p.second = n; return true;
    case "p": {
      const rest = c.s.slice(c.pos, c.pos + 2).toUpperCase();
      if (rest !== "AM" && rest !== "PM") return false;
      p.pm = rest === "PM";
      c.pos += 2;
      return true;
    }
    case "b":
    case "h":
    case "B": n = c.word(MONTHS); if (n === null) return false; p.month = n; return true;
    case "a":
    case "A": return c.word(WEEKDAYS) !== null;
    case "z": n = parseOffset(c); if (n === null) return false; p.offsetMinutes = n; return true;
    case "Z": {
      const m = /^(?:UTC|GMT|Z)/i.exec(c.s.slice(c.pos));
      if (!m) return false; // other zone names are not supported (UTC only)
      c.pos += m[0].length;
      return true;
    }
    case "s": n = c.signedDigits(1, 12); if (n === null) return false; p.epoch = n; return true;
    case "N":
    case "Q":
    case "f": {
      const start = c.pos;
      n = c.digits(1, width > 0 ? width : 9);
      if (n === null) return false;
      p.frac = n / Math.pow(10, c.pos - start);
      return true;
    }
    case "F": return parseFormat("%Y-%m-%d", c, p);
    case "T": return parseFormat("%H:%M:%S", c, p);
    case "R": return parseFormat("%H:%M", c, p);
    case "D": return parseFormat("%m/%d/%y", c, p);
    case "%": if (c.s[c.pos] !== "%") return false; c.pos++; return true;
    case "n":
    case "t": c.skipSpaces(); return true;
    default: return false;
  }
}

function parseFormat(format: string, c: Cursor, p: Parts): boolean {
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === "%" && i < format.length - 1) {
      let j = i + 1;
      let width = "";
      while (j < format.length && /[0-9]/.test(format[j] as string)) width += format[j++];
      const code = format[j] ?? "";
      if (!parseCode(code, width === "" ? -1 : Number(width), c, p)) return false;
      i = j;
    } else if (/\s/.test(ch)) {
      c.skipSpaces();
    } else {
      if (c.s[c.pos] !== ch) return false;
      c.pos++;
    }
  }
  return true;
}

/**
 * Parse `s` with `format` into epoch seconds (UTC unless the text carries %z). null when the text
 * does not fit the format or a field is out of range. Text after the end of the format is ignored,
 * as with C strptime [U]. Missing date parts default to 1970-01-01 [U].
 */
export function strptime(s: string, format: string): number | null {
  if (typeof s !== "string" || typeof format !== "string") return null;
  const c = new Cursor(s);
  const p: Parts = {};
  if (!parseFormat(format, c, p)) return null;
  if (p.epoch !== undefined) return p.epoch + (p.frac ?? 0);
  const year = p.year ?? 1970;
  let month = p.month ?? 0;
  let day = p.day ?? 1;
  if (p.yday !== undefined && p.month === undefined && p.day === undefined) {
    const d = new Date(Date.UTC(year, 0, p.yday));
    month = d.getUTCMonth();
    day = d.getUTCDate();
  }
  let hour = p.hour ?? 0;
  if (p.pm !== undefined) hour = (hour % 12) + (p.pm ? 12 : 0);
  const ms = Date.UTC(year, month, day, hour, p.minute ?? 0, p.second ?? 0);
  if (Number.isNaN(ms)) return null;
  // Reject impossible dates such as 02/31 instead of rolling them over.
  const check = new Date(Date.UTC(year, month, day));
  if (year >= 0 && year < 100) check.setUTCFullYear(year);
  if (check.getUTCMonth() !== month || check.getUTCDate() !== day) return null;
  let epoch = ms / 1000;
  if (year >= 0 && year < 100) {
    const d = new Date(ms);
    d.setUTCFullYear(year);
    epoch = d.getTime() / 1000;
  }
  epoch -= (p.offsetMinutes ?? 0) * 60;
  return epoch + (p.frac ?? 0);
}
