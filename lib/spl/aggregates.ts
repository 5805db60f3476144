/**
 * Aggregate functions for stats / eventstats / tstats over one group of rows [V aggfn, mvstats,
 * timefn]. Rules taken from the "Statistical and charting functions" overview: most functions
 * expect numbers and IGNORE non-numeric values; count/dc/values/list/mode/first/last/earliest/
 * latest treat values as literal strings ("1", "1.0", "01" are distinct); min/max process values
 * as numbers when possible. A multivalue input contributes each of its values. Pure; no throwing.
 */
import {
  compareStrings,
  failure,
  fromValues,
  parseNumeric,
  scalarToString,
  toNumberLike,
  valuesOf,
  type EvalFailure,
  type EvalValue,
  type Scalar,
} from "./values";

export interface Aggregator {
  /**
   * Feed one row: `value` is the row's value of the aggregated field (undefined = absent), `time`
   * the row's `_time` (read by earliest/latest only).
   */
  add(value: EvalValue | undefined, time: EvalValue | undefined): void;
  result(): EvalValue;
}

const LIST_LIMIT = 100; // list(): "only the first 100 are returned" [V mvstats]

function numbersOf(value: EvalValue | undefined): number[] {
  const out: number[] = [];
  for (const v of valuesOf(value ?? null)) {
    const n = typeof v === "number" ? v : parseNumeric(v);
    if (n !== null && !Number.isNaN(n)) out.push(n);
  }
  return out;
}

function stringsOf(value: EvalValue | undefined): string[] {
  return valuesOf(value ?? null).map(scalarToString);
}

/** count (no field: rows) and count(f) (values present; a multivalue counts each value). */
function countAgg(field: string | undefined): Aggregator {
  let n = 0;
  return {
    add(value) {
      n += field === undefined ? 1 : valuesOf(value ?? null).length;
    },
    result() {
      return n;
    },
  };
}

function distinctAgg(kind: "dc" | "values"): Aggregator {
  const seen = new Set<string>();
  return {
    add(value) {
      for (const s of stringsOf(value)) seen.add(s);
    },
    result() {
      if (kind === "dc") return seen.size;
      // values(): distinct, lexicographic, as strings [V mvstats].
      return fromValues([...seen].sort(compareStrings));
    },
  };
}

function listAgg(): Aggregator {
  const out: string[] = [];
  return {
    add(value) {
      for (const s of stringsOf(value)) if (out.length < LIST_LIMIT) out.push(s);
    },
    result() {
      return fromValues(out);
    },
  };
}

/**
 * min/max: numeric when any value looks numeric (non-numeric values then ignored) [A: the docs say
 * "as numbers if possible"]; lexicographic when none does [V aggfn].
 */
function extremeAgg(sign: 1 | -1): Aggregator {
  let bestNum: number | null = null;
  let bestStr: string | null = null;
  return {
    add(value) {
      for (const v of valuesOf(value ?? null)) {
        const n = typeof v === "number" ? v : parseNumeric(v);
        if (n !== null && !Number.isNaN(n)) {
          if (bestNum === null || (n - bestNum) * sign > 0) bestNum = n;
        } else {
          const s = scalarToString(v);
          if (bestStr === null || compareStrings(s, bestStr) * sign > 0) bestStr = s;
        }
      }
    },
    result() {
      return bestNum !== null ? bestNum : bestStr;
    },
  };
}

type NumericReducer = (xs: number[]) => number | null;

function numericAgg(reduce: NumericReducer): Aggregator {
  const xs: number[] = [];
  return {
    add(value) {
      xs.push(...numbersOf(value));
    },
    result() {
      return xs.length === 0 ? null : reduce(xs);
    },
  };
}

const sum: NumericReducer = (xs) => xs.reduce((a, b) => a + b, 0);
const mean: NumericReducer = (xs) => (sum(xs) as number) / xs.length;

function variance(xs: number[], sample: boolean): number {
  const m = mean(xs) as number;
  const ss = xs.reduce((a, x) => a + (x - m) * (x - m), 0);
  const d = sample ? xs.length - 1 : xs.length;
  return d <= 0 ? 0 : ss / d; // one value: 0 [U]
}

/** median: middle value; with an even count the upper of the two middles [U]. */
const median: NumericReducer = (xs) => {
  const sorted = xs.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

/** mode: most frequent value (as strings); ties go to the first seen [U]. */
function modeAgg(): Aggregator {
  const counts = new Map<string, number>();
  return {
    add(value) {
      for (const s of stringsOf(value)) counts.set(s, (counts.get(s) ?? 0) + 1);
    },
    result() {
      let best: string | null = null;
      let bestN = 0;
      for (const [s, n] of counts) if (n > bestN) [best, bestN] = [s, n];
      return best;
    },
  };
}

/** first/last: the first/last value in input order (a multivalue gives its first/last value). */
function positionalAgg(which: "first" | "last"): Aggregator {
  let v: Scalar | null = null;
  return {
    add(value) {
      const values = valuesOf(value ?? null);
      if (values.length === 0) return;
      if (which === "first" && v !== null) return;
      v = (which === "first" ? values[0] : values[values.length - 1]) ?? null;
    },
    result() {
      return v;
    },
  };
}

/**
 * earliest/latest (and *_time): the value from the chronologically first/last row by `_time`
 * [V timefn]; ties keep the first row for earliest and the last row for latest. Rows without a
 * numeric `_time` only count when no row has one (then input order).
 */
function chronoAgg(which: "earliest" | "latest", wantTime: boolean): Aggregator {
  let best: { time: number | null; value: Scalar } | null = null;
  return {
    add(value, rowTime) {
      const values = valuesOf(value ?? null);
      if (values.length === 0) return;
      const time = toNumberLike(rowTime ?? null);
      const v = (which === "earliest" ? values[0] : values[values.length - 1]) as Scalar;
      if (best === null) {
        best = { time, value: v };
        return;
      }
      if (time === null) {
        if (best.time === null && which === "latest") best = { time, value: v };
        return;
      }
      if (best.time === null || (which === "earliest" ? time < best.time : time >= best.time)) {
        best = { time, value: v };
      }
    },
    result() {
      if (best === null) return null;
      return wantTime ? best.time : best.value;
    },
  };
}

const FACTORIES: Record<string, (field: string | undefined) => Aggregator> = {
  count: (f) => countAgg(f),
  c: (f) => countAgg(f),
  dc: () => distinctAgg("dc"),
  distinct_count: () => distinctAgg("dc"),
  estdc: () => distinctAgg("dc"), // an estimate in Splunk; exact for small inputs
  values: () => distinctAgg("values"),
  list: () => listAgg(),
  min: () => extremeAgg(-1),
  max: () => extremeAgg(1),
  sum: () => numericAgg(sum),
  sumsq: () => numericAgg((xs) => xs.reduce((a, x) => a + x * x, 0)),
  avg: () => numericAgg(mean),
  mean: () => numericAgg(mean),
  median: () => numericAgg(median),
  range: () => numericAgg((xs) => xs.reduce((a, b) => Math.max(a, b)) - xs.reduce((a, b) => Math.min(a, b))),
  stdev: () => numericAgg((xs) => Math.sqrt(variance(xs, true))),
  stdevp: () => numericAgg((xs) => Math.sqrt(variance(xs, false))),
  var: () => numericAgg((xs) => variance(xs, true)),
  varp: () => numericAgg((xs) => variance(xs, false)),
  mode: () => modeAgg(),
  first: () => positionalAgg("first"),
  last: () => positionalAgg("last"),
  earliest: () => chronoAgg("earliest", false),
  latest: () => chronoAgg("latest", false),
  earliest_time: () => chronoAgg("earliest", true),
  latest_time: () => chronoAgg("latest", true),
};

/**
 * Percentiles (`p50`, `perc95`, `exactperc99`, `upperperc90`) [V aggfn]: Splunk approximates
 * `perc`/`upperperc` with a digest whose exact results on small inputs are not documented, so
 * the engine does not compute them: the aggregate stays empty, and support.ts accepts it only
 * when no later stage reads it (commands/unfilled.ts).
 */
export function isPercentile(name: string): boolean {
  return /^(p|perc|exactperc|upperperc)\d+(\.\d+)?$/i.test(name);
}

const UNFILLED: Aggregator = Object.freeze({ add() {}, result: () => null });

/** Names makeAggregator accepts (lower case). */
export const AGGREGATE_NAMES: readonly string[] = Object.keys(FACTORIES);

/**
 * Make an aggregator for `name` (case-insensitive) over field `arg` (undefined only for bare
 * `count`). Unknown names, and functions other than count without a field, give a failure.
 */
export function makeAggregator(name: string, arg?: string): Aggregator | EvalFailure {
  const key = String(name).toLowerCase();
  if (isPercentile(key)) return arg === undefined ? failure(`${name}() needs a field`) : UNFILLED;
  const factory = Object.prototype.hasOwnProperty.call(FACTORIES, key) ? FACTORIES[key] : undefined;
  if (!factory) return failure(`unsupported aggregate function ${name}()`);
  if (arg === undefined && key !== "count" && key !== "c") return failure(`${name}() needs a field`);
  return factory(arg);
}
