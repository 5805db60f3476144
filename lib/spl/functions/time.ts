/**
 * Date and time eval functions [V evalfn]: now(), time(), relative_time(), strftime(), strptime().
 * Deterministic: now() and time() both return the context's search time (Splunk's time() is the
 * wall clock at evaluation, which for one run is the same instant to within the search). UTC only.
 */
import { applyRelativeTime } from "../time/relative";
import { strftime, strptime } from "../time";
import { anyNull, num, str } from "./args";
import type { EvalFunctionTable } from "./types";

export const timeFunctions: EvalFunctionTable = {
  now: { minArgs: 0, maxArgs: 0, fn: (_a, ctx) => ctx.now },
  time: { minArgs: 0, maxArgs: 0, fn: (_a, ctx) => ctx.now },
  relative_time: {
    minArgs: 2,
    maxArgs: 2,
    fn: (a) => {
      if (anyNull(a)) return null;
      const t = num(a[0]);
      const spec = str(a[1]);
      if (t === null || spec === null) return null;
      return applyRelativeTime(t, spec);
    },
  },
  strftime: {
    minArgs: 2,
    maxArgs: 2,
    fn: (a) => {
      if (anyNull(a)) return null;
      const t = num(a[0]);
      const format = str(a[1]);
      if (t === null || format === null || !Number.isFinite(t)) return null;
      const out = strftime(t, format);
      return out === "" && format !== "" ? null : out;
    },
  },
  strptime: {
    minArgs: 2,
    maxArgs: 2,
    fn: (a) => {
      if (anyNull(a)) return null;
      const s = str(a[0]);
      const format = str(a[1]);
      if (s === null || format === null) return null;
      return strptime(s, format);
    },
  },
};
