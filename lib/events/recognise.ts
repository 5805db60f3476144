/**
 * Which of the content's data sources an event is: by where Splunk would put it (its source, or a
 * specific sourcetype) and the value of the field that separates the data sources of one source
 * (`EventCode` 4624, `eventName` ConsoleLogin). Each data source's shape is learnt from its own
 * `example_log` (read with the same formats), so a data source whose example is another kind of
 * event (JSON under a Windows source, say) never claims Windows events. A data source with no
 * separator value (e.g. "AWS CloudTrail") fits every event of its source, but only when no specific
 * one does. Two best fits with equal scores: ambiguous, the user picks.
 */
import type { EventDraft } from "./build";
import type { Extraction } from "./formats/types";
import type { DataSourceSpec } from "./types";

/** Sourcetypes that say nothing about the data source (every Windows channel shares them). */
const GENERIC_SOURCETYPES = new Set(["xmlwineventlog", "wineventlog", "_json", "json"]);

export interface PreparedSpec {
  spec: DataSourceSpec;
  sourceKey?: string;
  sourcetypeKey?: string;
  /** The separator field, and this data source's value of it. */
  separator?: string;
  value?: string;
  /** What its example is: the format family and the event's own field names. */
  family?: string;
  rawNames: string[];
  /** The example was read by its shape alone: match events by the names they share with it. */
  shapeOnly?: boolean;
  rawSet?: Set<string>;
}

/** `XmlWinEventLog:Security` and `WinEventLog:Security` are the same channel: compare without the prefix. */
export function sourceKey(source: string | undefined): string | undefined {
  const s = source?.trim().toLowerCase();
  return s ? s.replace(/^(xml)?wineventlog:/, "") : undefined;
}

function sourcetypeKey(st: string | undefined): string | undefined {
  const s = st?.trim().toLowerCase();
  return s && !GENERIC_SOURCETYPES.has(s) ? s : undefined;
}

export function prepareSpec(spec: DataSourceSpec, example: Extraction | undefined): PreparedSpec {
  const separator = spec.separator ?? example?.separator;
  let value = spec.separatorValue;
  if (value === undefined && example && separator) value = example.draft.text(separator);
  const rawNames = example ? Object.keys(example.draft.fields).filter((k) => example.draft.provenance[k]?.origin === "extracted") : [];
  return {
    spec,
    sourceKey: sourceKey(spec.source),
    sourcetypeKey: sourcetypeKey(spec.sourcetype),
    ...(separator ? { separator } : {}),
    ...(value !== undefined && value.trim() !== "" ? { value: value.trim().toLowerCase() } : {}),
    ...(example?.family ? { family: example.family } : {}),
    rawNames,
    ...(example?.shapeOnly ? { shapeOnly: true, rawSet: new Set(rawNames) } : {}),
  };
}

export interface Recognition {
  dataSource: string | null;
  candidates: string[];
  /** The specs that fit, best first. */
  fits: PreparedSpec[];
}

/** Share of names an event and a data source's example have in common (of all their names). */
function similarity(draft: EventDraft, names: Set<string>): number {
  let shared = 0;
  let mine = 0;
  for (const [k, p] of Object.entries(draft.provenance)) {
    if (p.origin !== "extracted") continue;
    mine++;
    if (names.has(k)) shared++;
  }
  return shared / Math.max(1, mine + names.size - shared);
}

/** Smallest share of names in common for a shape-only match. */
const MIN_SIMILARITY = 0.5;

/**
 * How well a spec fits: 0 none; source 3 / sourcetype 2 (shape only: 1 + the share of names in
 * common), plus 4 for the separator value.
 */
function score(p: PreparedSpec, draft: EventDraft, family: string | undefined, srcKey: string | undefined, stKey: string | undefined, defaultSep: string | undefined, shapeOnly: boolean): number {
  if (p.family && family && p.family !== family) return 0;
  let stream = 0;
  if (p.sourceKey && srcKey && p.sourceKey === srcKey) stream = 3;
  else if (p.sourcetypeKey && stKey && p.sourcetypeKey === stKey) stream = 2;
  else if (shapeOnly && p.rawSet) {
    const sim = similarity(draft, p.rawSet);
    if (sim >= MIN_SIMILARITY) stream = 1 + sim;
  }
  if (stream === 0) return 0;
  if (p.value === undefined) return stream;
  const sep = p.separator ?? defaultSep;
  const v = sep ? draft.text(sep) : undefined;
  return v !== undefined && v.trim().toLowerCase() === p.value ? stream + 4 : 0;
}

export function recognise(
  ext: Extraction,
  prepared: readonly PreparedSpec[],
  where: { source?: string; sourcetype?: string; pick?: string },
): Recognition {
  const srcKey = sourceKey(where.source ?? ext.source);
  const stKey = sourcetypeKey(where.sourcetype ?? ext.sourcetype);
  const scored: { p: PreparedSpec; s: number }[] = [];
  for (const p of prepared) {
    const s = score(p, ext.draft, ext.family, srcKey, stKey, ext.separator, ext.shapeOnly === true && where.source === undefined && where.sourcetype === undefined);
    if (s > 0) scored.push({ p, s });
  }
  scored.sort((a, b) => b.s - a.s);
  const specific = scored.some((x) => x.p.value !== undefined);
  const fits = scored.filter((x) => !specific || x.p.value !== undefined);
  const candidates = fits.map((x) => x.p.spec.name);
  const picked = where.pick ? prepared.find((p) => p.spec.name.toLowerCase() === where.pick!.toLowerCase()) : undefined;
  if (picked) return { dataSource: picked.spec.name, candidates, fits: [picked, ...fits.map((x) => x.p).filter((p) => p !== picked)] };
  const top = fits[0];
  const tie = top !== undefined && fits[1] !== undefined && fits[1].s === top.s;
  return { dataSource: top && !tie ? top.p.spec.name : null, candidates, fits: fits.map((x) => x.p) };
}
