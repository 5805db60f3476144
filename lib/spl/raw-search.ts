/**
 * A search that starts with `search` (explicit or implied) reads raw events (spl-semantics §2.10):
 * each pasted event is one event as Splunk would hold it after search-time extraction — its own
 * fields, the add-on's aliases and evaluated fields, and the default fields `_raw`, `_time`,
 * `source`, `sourcetype`, `host`, `eventtype` (lib/events derives them). The catalog's source
 * macros expand to ordinary terms (`sourcetype=…`, `source=…`, `eventtype=…`) that match those.
 *
 * - Field terms: search-language semantics (§2) over the event's field names.
 * - Bare terms: against `_raw` by segments (terms.ts).
 * - `index=…` and the time modifiers (`earliest=`, `latest=`…) choose the data to search; the
 *   pasted events are the data the user chose, so those terms hold (and the trace says why).
 *   Used negatively (`NOT index=x`, `index!=x`) they would exclude data: refused with a reason.
 *
 * Splunk: https://help.splunk.com/en/splunk-enterprise/search/search-manual (about the search
 * language, "Specify time modifiers in your search", "Retrieve events from indexes").
 */
import type { EventInput } from "../detection/types";
import type { SearchExpr } from "./ast";
import { Unsupported, unsupportedLeaf } from "./commands/spec";
import { eventTime } from "./dataset";
import type { RowData } from "./runtime";
import { compileExpr, readsField, type CompiledExpr } from "./search-compile";
import { compileTerm } from "./terms";

/** Terms that choose the data rather than filter it, and what the trace says of them. */
const CHOOSERS: Readonly<Record<string, string>> = {
  index: "index: the pasted events are the data you chose to search",
  earliest: "time range: the pasted events are the data you chose to search",
  latest: "time range: the pasted events are the data you chose to search",
  _index_earliest: "time range: the pasted events are the data you chose to search",
  _index_latest: "time range: the pasted events are the data you chose to search",
};

function holds(field: string): string | null {
  return Object.prototype.hasOwnProperty.call(CHOOSERS, field) ? CHOOSERS[field]! : null;
}

/** Is this a data-choosing field (`index`, `earliest`…)? */
export function choosesData(field: string): boolean {
  return holds(field) !== null;
}

const compiled = new WeakMap<SearchExpr, CompiledExpr>();

/** The leading search's expression over an event's fields, compiled once per AST node. */
export function leadingExpr(expr: SearchExpr): CompiledExpr {
  let c = compiled.get(expr);
  if (!c) {
    c = compileExpr(expr, (f) => f, { holds });
    compiled.set(expr, c);
  }
  return c;
}

/** Does the leading search read a field the event may not hold as given (`_time` comes from the clock)? */
export function readsClock(expr: SearchExpr): boolean {
  return readsField(expr, "_time");
}

/** The row a raw event becomes: its fields, with `_time` from the event (or the run's clock). */
export function rowOfEvent(event: EventInput, now: number): RowData {
  const row: RowData = { ...(event.fields as RowData) };
  row["_time"] = eventTime(event, now);
  return row;
}

/**
 * What a leading search cannot run faithfully: a bare term the segment rules cannot decide,
 * a subsearch or unexpanded macro, a data-choosing term used to exclude data.
 */
export function checkLeading(e: SearchExpr | null, negated = false): void {
  if (!e) return;
  switch (e.kind) {
    case "and":
    case "or":
      e.children.forEach((c) => checkLeading(c, negated));
      return;
    case "not":
      checkLeading(e.child, !negated);
      return;
    case "term": {
      const t = compileTerm(e);
      if ("unsupported" in t) throw new Unsupported("bare_term", `bare term "${e.text}": ${t.unsupported}`, e.at);
      return;
    }
    case "compare":
    case "in":
      if (choosesData(e.field) && (negated || (e.kind === "compare" && e.op !== "="))) {
        throw new Unsupported("raw_event_search", `\`${e.field}\` used to exclude data: the pasted events are the data searched, whatever their ${e.field}`, e.at);
      }
      return;
    case "unsupported":
      throw unsupportedLeaf(e, "the search");
    default:
      return;
  }
}
