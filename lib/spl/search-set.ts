/**
 * Many compiled searches against one event at a time: the tester, the CLI and the API ask every
 * analytic of a catalog about each pasted event. Each verdict is exactly what the search's own
 * `evaluate(event)` returns; the set only avoids asking most of them.
 *
 * Most catalog searches start `| tstats … where Processes.process_name=… OR …`: their screen
 * (screen.ts) is a handful of literal values of a few fields. The set indexes those literals
 * (field → folded value → searches), looks the event's own values up once, and runs only the
 * searches the event could pass. Every other screened search drops the event at its first conjunct,
 * and its verdict follows from the event's unknown fields alone: "no row left after `tstats`",
 * hinging on the screen fields the event does not know. Searches without a screen, and events of
 * another dataset, go through `evaluate` as before.
 */
import type { CompiledSearch, EventInput, EventVerdict } from "./api";
import { sameDataset } from "./commands/tstats";
import { isEventShaped, unknownSet } from "./runtime";
import type { Screen } from "./screen";
import { DROPPED } from "./tstats-gate";
import { scalarToString } from "./values";
import { foldCase } from "./wildcard";

/** What the set needs to know of a search that has a screen. */
export interface Screening {
  datamodel: string;
  screen: Screen;
}

/** Screen fields are tracked as bits of a 31-bit mask; a search past that is simply not screened. */
const MAX_FIELDS = 31;
const MAX_MASKS = 64;
const NO_FIELDS: readonly string[] = [];
const OUT_OF_RANGE: EventVerdict = Object.freeze({ verdict: "not_testable", reason: "no such search in the set" });

interface Group {
  readonly datamodel: string;
  /** The last event dataset seen to be this group's (the usual check is then a pointer compare). */
  lastDataset: string;
  /** Is the current event in this group's dataset? */
  active: boolean;
  readonly fields: string[];
  /** Screen field → folded literal → positions of the searches it lets through. */
  readonly index: Map<string, Map<string, number[]>>;
}

export class SearchSet {
  private readonly groups: Group[] = [];
  /** Per position: its group, or -1 when the search is not screened. */
  private readonly groupOf: Int32Array;
  private readonly screens: (Screen | null)[];
  private readonly bits = new Map<string, number>();
  /** Per position: the tick of the last event that may pass its screen. */
  private readonly passes: Int32Array;
  private tick = 0;
  /** Screen verdicts by position, per mask of the screen fields the event does not know. */
  private readonly byMask = new Map<number, EventVerdict[]>();
  private lastUnknown: ReadonlySet<string> | null = null;
  private lastMask = 0;

  constructor(
    private readonly searches: readonly CompiledSearch[],
    screening: (search: CompiledSearch) => Screening | null,
  ) {
    this.groupOf = new Int32Array(searches.length).fill(-1);
    this.passes = new Int32Array(searches.length);
    this.screens = searches.map(() => null);
    searches.forEach((search, pos) => {
      const s = screening(search);
      if (s && this.track(s.screen)) this.add(pos, s);
    });
  }

  private track(screen: Screen): boolean {
    const fresh = new Set(screen.map((l) => l.field).filter((f) => !this.bits.has(f)));
    if (this.bits.size + fresh.size > MAX_FIELDS) return false;
    for (const f of fresh) this.bits.set(f, this.bits.size);
    return true;
  }

  private add(pos: number, { datamodel, screen }: Screening): void {
    let g = this.groups.findIndex((x) => x.datamodel === datamodel);
    if (g < 0) {
      g = this.groups.push({ datamodel, lastDataset: "", active: false, fields: [], index: new Map() }) - 1;
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
    const screened = this.screen(event);
    const tick = this.tick;
    return (pos) => {
      const g = this.groupOf[pos];
      if (screened !== null && g !== undefined && g >= 0 && this.groups[g]!.active && this.passes[pos] !== tick) return screened[pos]!;
      const search = this.searches[pos];
      return search ? search.evaluate(event) : OUT_OF_RANGE;
    };
  }

  /**
   * Marks the searches the event may pass and returns the verdicts of those it cannot; null when
   * the screens cannot decide for this event (then every search is asked).
   */
  private screen(event: EventInput): EventVerdict[] | null {
    if (this.groups.length === 0 || !isEventShaped(event)) return null;
    const fields = event.fields;
    const mask = this.maskOf(unknownSet(event.unknown ?? NO_FIELDS));
    // Fields said unknown are absent in events built by lib/events; if one is present anyway,
    // what the search would read is no longer a function of the mask: ask every search.
    if (mask !== 0) for (const [f, bit] of this.bits) if ((mask >>> bit) & 1 && fields[f] !== undefined) return null;
    this.tick = this.tick === 0x7fffffff ? 1 : this.tick + 1;
    if (this.tick === 1) this.passes.fill(0);
    for (const group of this.groups) {
      group.active = event.dataset === group.lastDataset || sameDataset(event.dataset, group.datamodel);
      if (!group.active) continue;
      group.lastDataset = event.dataset;
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

  /** What each screened search answers an event it drops at its screen, given the unknown fields. */
  private verdictsFor(mask: number): EventVerdict[] {
    let verdicts = this.byMask.get(mask);
    if (verdicts) return verdicts;
    const shared = new Map<string, EventVerdict>();
    verdicts = this.screens.map((screen) => {
      if (screen === null) return DROPPED;
      // The gate reads every leaf (all are false) left to right; each unknown field once.
      const hinges: string[] = [];
      for (const leaf of screen) if ((mask >>> this.bits.get(leaf.field)!) & 1 && !hinges.includes(leaf.field)) hinges.push(leaf.field);
      if (hinges.length === 0) return DROPPED;
      const key = hinges.join("\n");
      let v = shared.get(key);
      if (!v) {
        v = Object.freeze({ verdict: "no_match" as const, reason: DROPPED.reason, hingesOn: Object.freeze(hinges) as string[] });
        shared.set(key, v);
      }
      return v;
    });
    if (this.byMask.size >= MAX_MASKS) this.byMask.clear();
    this.byMask.set(mask, verdicts);
    return verdicts;
  }
}
