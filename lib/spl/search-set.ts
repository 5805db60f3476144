/**
 * Many compiled searches against one event at a time: the tester, the CLI and the API ask every
 * analytic of a catalog about each pasted event. Each verdict is exactly what the search's own
 * `evaluate(event)` returns; the set only avoids asking most of them.
 *
 * Most catalog searches start `| tstats … where Processes.process_name=… OR …`: their screen
 * (screen.ts) is a handful of literal values of a few fields. The set indexes those literals
 * (field → folded value → searches), looks the event's own values up once, and runs only the
 * searches the event could pass. Every other screened search drops the event at its first conjunct:
 * "no row left after `tstats`". When the event does not know a screen field, whether the verdict
 * hinges on it depends on the other conjuncts, so that search is asked. Searches without a screen,
 * and events of another dataset, go through `evaluate` as before.
 */
import type { CompiledSearch } from "./api";
import type { MatcherSet } from "../detection/matcher";
import type { EventInput, EventVerdict, FieldRecord } from "../detection/types";
import { datasetFields, type DatasetRef } from "./dataset";
import { isEventShaped, unknownSet } from "./runtime";
import type { Screen } from "./screen";
import { DROPPED } from "./gate";
import { scalarToString } from "./values";
import { foldCase } from "./wildcard";

/** What the set needs to know of a search that has a screen. */
export interface Screening {
  /** The dataset the search reads (its gate drops events outside it). */
  ref: DatasetRef;
  /** The where clause's screen, when it has one. */
  screen: Screen | null;
  /** The search's own verdict on an event outside its dataset (the very object its gate returns). */
  outside: EventVerdict;
  /** The search's verdict for an event its screen drops (DROPPED by default). */
  dropped?: EventVerdict;
  /** The screen is the whole where clause: an unknown screen field is then exactly what it hinges on. */
  screenIsWhole?: boolean;
}

/** Screen fields are tracked as bits of a 31-bit mask; a search past that is simply not screened. */
const MAX_FIELDS = 31;
const MAX_MASKS = 64;
const NO_FIELDS: readonly string[] = [];
const OUT_OF_RANGE: EventVerdict = Object.freeze({ verdict: "not_testable", reason: "no such search in the set" });

interface Group {
  readonly ref: DatasetRef;
  /** Is the current event in this group's dataset? */
  active: boolean;
  readonly fields: string[];
  /** Screen field → folded literal → positions of the searches it lets through. */
  readonly index: Map<string, Map<string, number[]>>;
}

export class SearchSet implements MatcherSet {
  private readonly groups: Group[] = [];
  /** Per position: its group, or -1 when the search is not screened. */
  private readonly groupOf: Int32Array;
  private readonly screens: (Screen | null)[];
  /** Per position: the verdict for an event the screen drops (its reason). */
  private readonly dropped: EventVerdict[];
  /** Per position: 1 when the screen is the whole where clause. */
  private readonly whole: Uint8Array;
  private readonly bits = new Map<string, number>();
  /** Per position: the tick of the last event that may pass its screen. */
  private readonly passes: Int32Array;
  private tick = 0;
  /** Screen verdicts by position, per mask of the screen fields the event does not know. */
  private readonly byMask = new Map<number, (EventVerdict | null)[]>();
  private lastUnknown: ReadonlySet<string> | null = null;
  private lastMask = 0;
  /** The distinct datasets the gated searches read. */
  private readonly refs: DatasetRef[] = [];
  /** Per position: its dataset (index into refs), or -1 when the search has no gate. */
  private readonly refOf: Int32Array;
  /** Per position: its verdict on an event outside its dataset. */
  private readonly outside: (EventVerdict | null)[];
  /** Per dataset: is the current event in it? */
  private inDataset: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly searches: readonly CompiledSearch[],
    screening: (search: CompiledSearch) => Screening | null,
  ) {
    this.groupOf = new Int32Array(searches.length).fill(-1);
    this.refOf = new Int32Array(searches.length).fill(-1);
    this.passes = new Int32Array(searches.length);
    this.screens = searches.map(() => null);
    this.outside = searches.map(() => null);
    this.dropped = searches.map(() => DROPPED);
    this.whole = new Uint8Array(searches.length);
    searches.forEach((search, pos) => {
      const s = screening(search);
      if (!s) return;
      let r = this.refs.findIndex((x) => x.key === s.ref.key);
      if (r < 0) r = this.refs.push(s.ref) - 1;
      this.refOf[pos] = r;
      this.outside[pos] = s.outside;
      if (s.dropped) this.dropped[pos] = s.dropped;
      if (s.screenIsWhole) this.whole[pos] = 1;
      if (s.screen && this.track(s.screen)) this.add(pos, s.ref, s.screen);
    });
    this.inDataset = new Uint8Array(this.refs.length);
  }

  private track(screen: Screen): boolean {
    const fresh = new Set(screen.map((l) => l.field).filter((f) => !this.bits.has(f)));
    if (this.bits.size + fresh.size > MAX_FIELDS) return false;
    for (const f of fresh) this.bits.set(f, this.bits.size);
    return true;
  }

  private add(pos: number, ref: DatasetRef, screen: Screen): void {
    let g = this.groups.findIndex((x) => x.ref.key === ref.key);
    if (g < 0) {
      g = this.groups.push({ ref, active: false, fields: [], index: new Map() }) - 1;
    }
    const group = this.groups[g]!;
    for (const leaf of screen) {
      let byValue = group.index.get(leaf.field);
      if (!byValue) {
        byValue = new Map();
        group.index.set(leaf.field, byValue);
        group.fields.push(leaf.field);
      }
      for (const v of leaf.values) {
        const list = byValue.get(v);
        if (!list) byValue.set(v, [pos]);
        else if (list[list.length - 1] !== pos) list.push(pos);
      }
    }
    this.groupOf[pos] = g;
    this.screens[pos] = screen;
  }

  get size(): number {
    return this.searches.length;
  }

  /** Every search's verdict on one event, in the order the searches were given. Never throws. */
  evaluate(event: EventInput): EventVerdict[] {
    const verdictOf = this.forEvent(event);
    const out = new Array<EventVerdict>(this.searches.length);
    for (let pos = 0; pos < out.length; pos++) out[pos] = verdictOf(pos);
    return out;
  }

  /**
   * One event, search by search: `forEvent(e)(i)` is search i's verdict on e. For callers that
   * account for each search on its own (the API's worker records which pair is running). The
   * function answers for this event only until the next `forEvent` or `evaluate` call.
   */
  forEvent(event: EventInput): (pos: number) => EventVerdict {
    const shaped = isEventShaped(event);
    for (let r = 0; r < this.refs.length; r++) this.inDataset[r] = shaped && datasetFields(event, this.refs[r]!) !== undefined ? 1 : 0;
    const screened = this.screen(event);
    const tick = this.tick;
    return (pos) => {
      // Outside its dataset a gated search answers at once (the gate's own verdict object).
      const r = this.refOf[pos];
      if (shaped && r !== undefined && r >= 0 && this.inDataset[r] === 0) return this.outside[pos]!;
      const g = this.groupOf[pos];
      if (screened !== null && g !== undefined && g >= 0 && this.groups[g]!.active && this.passes[pos] !== tick) {
        const v = screened[pos];
        if (v) return v;
      }
      const search = this.searches[pos];
      return search ? search.evaluate(event) : OUT_OF_RANGE;
    };
  }

  /**
   * Marks the searches the event may pass and returns the verdicts of those it cannot; null when
   * the screens cannot decide for this event (then every search is asked).
   */
  private screen(event: EventInput): (EventVerdict | null)[] | null {
    if (this.groups.length === 0 || !isEventShaped(event)) return null;
    const mask = this.maskOf(unknownSet(event.unknown ?? NO_FIELDS));
    const records: (FieldRecord | undefined)[] = this.groups.map((g) => datasetFields(event, g.ref));
    // Fields said unknown are absent in events built by lib/events; if one is present anyway,
    // what the search would read is no longer a function of the mask: ask every search.
    if (mask !== 0) {
      for (const fields of records) {
        if (fields === undefined) continue;
        for (const [f, bit] of this.bits) if ((mask >>> bit) & 1 && fields[f] !== undefined) return null;
      }
    }
    this.tick = this.tick === 0x7fffffff ? 1 : this.tick + 1;
    if (this.tick === 1) this.passes.fill(0);
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g]!;
      const fields = records[g];
      group.active = fields !== undefined;
      if (fields === undefined) continue;
      for (const f of group.fields) {
        const raw = fields[f];
        if (raw === undefined) continue;
        const byValue = group.index.get(f)!;
        if (Array.isArray(raw)) for (const x of raw) this.mark(byValue, x);
        else this.mark(byValue, raw);
      }
    }
    return this.verdictsFor(mask);
  }

  private mark(byValue: Map<string, number[]>, x: unknown): void {
    // The value as the leaves test it (search-compile's anyValue); anything else never matches.
    const s = typeof x === "string" ? x : typeof x === "number" ? scalarToString(x) : null;
    if (s === null) return;
    const list = byValue.get(foldCase(s));
    if (list) for (const pos of list) this.passes[pos] = this.tick;
  }

  private maskOf(unknown: ReadonlySet<string>): number {
    if (unknown === this.lastUnknown) return this.lastMask;
    let mask = 0;
    for (const [f, bit] of this.bits) if (unknown.has(f)) mask |= 1 << bit;
    this.lastUnknown = unknown;
    this.lastMask = mask;
    return mask;
  }

  /**
   * What each screened search answers an event it drops at its screen, given the unknown fields.
   * A screen that is the whole where clause hinges on its unknown fields (each leaf is false, none
   * decides); where other conjuncts follow, whether it hinges depends on them (search-compile.ts):
   * null, and that search is asked.
   */
  private verdictsFor(mask: number): (EventVerdict | null)[] {
    let verdicts = this.byMask.get(mask);
    if (verdicts) return verdicts;
    const shared = new Map<string, EventVerdict>();
    verdicts = this.screens.map((screen, pos) => {
      const dropped = this.dropped[pos]!;
      if (screen === null) return dropped;
      // The gate reads every leaf (all are false) left to right; each unknown field once.
      const hinges: string[] = [];
      for (const leaf of screen) if ((mask >>> this.bits.get(leaf.field)!) & 1 && !hinges.includes(leaf.field)) hinges.push(leaf.field);
      if (hinges.length === 0) return dropped;
      if (this.whole[pos] === 0) return null;
      const key = `${dropped.reason}\n${hinges.join("\n")}`;
      let v = shared.get(key);
      if (!v) {
        v = Object.freeze({ verdict: "no_match" as const, reason: dropped.reason, hingesOn: Object.freeze(hinges) as string[] });
        shared.set(key, v);
      }
      return v;
    });
    if (this.byMask.size >= MAX_MASKS) this.byMask.clear();
    this.byMask.set(mask, verdicts);
    return verdicts;
  }
}
