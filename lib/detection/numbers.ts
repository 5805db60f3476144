/**
 * The one way a count is written anywhere the console shows it (pages, tester, problems, CLI
 * messages): digits grouped by thousands with a comma, "10,000", whatever the browser's locale, so
 * "10000" never stands beside "10,000". A fraction is rounded to a whole number (milliseconds),
 * half away from zero.
 *
 * Written out rather than with `Intl.NumberFormat("en-US")`, which gives the same text
 * (numbers.test.ts checks both agree) but costs every page ~20 ms of ICU set-up on a phone's
 * main thread while it starts (issue 16: seen in the profile of every page's hydration).
 */
export function formatCount(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "-∞";
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  const digits = BigInt(Math.round(Math.abs(n))).toString();
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

/** "1 event", "2 events", "10,000 events": a formatted count with its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
