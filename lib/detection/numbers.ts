/**
 * The one way a count is written anywhere the console shows it (pages, tester, problems, CLI
 * messages): digits grouped by thousands with a comma, "10,000", whatever the browser's locale, so
 * "10000" never stands beside "10,000". A fraction is rounded to a whole number (milliseconds).
 */
const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "1 event", "2 events", "10,000 events": a formatted count with its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
