/**
 * The input-format registry's contract: one module per format, `{ id, label, detect, extract }`.
 * A chunk is one event's text as the splitter cut it (an XML `<Event>` element, a JSON value, a line,
 * a CSV row); `detect` scores how well a format fits it (0: not at all), `extract` reads it.
 */
import type { EventDraft } from "../build";
import type { XmlElement } from "../xml";

export type ChunkKind = "xml" | "json" | "line";

export interface Chunk {
  kind: ChunkKind;
  /** The event's text. */
  text: string;
  /** 1-based line and column where it starts in the input. */
  line: number;
  column: number;
  /** A JSON chunk's (or CSV row's) value. */
  value?: unknown;
  /** An XML chunk's element. */
  xml?: XmlElement;
  /** A CSV row (the value is an object of the header's names). */
  csvRow?: boolean;
}

export interface Extraction {
  /** The event's own fields and the add-on's, with provenance. */
  draft: EventDraft;
  /** CIM dataset full name → its fields (no prefix), with provenance. */
  datasets: Map<string, EventDraft>;
  /** The family of data sources this shape belongs to (`windows`, `cloudtrail`…), for recognition; absent for CIM input. */
  family?: string;
  /** The field that tells this family's data sources apart when the content names none (`EventCode`). */
  separator?: string;
  /** Where Splunk would put the event when the content names no data source for it. */
  source?: string;
  sourcetype?: string;
  /** Event time (epoch seconds) and the field or element it came from. */
  time?: { epoch: number; from: string };
  /** Notes for the UI (an undocumented mapping, a refused guess). */
  notes: string[];
  /** Recognised by its shape alone (no source of its own): generic JSON, key=value lines. */
  shapeOnly?: boolean;
  /** Fields this input cannot know (e.g. the CIM fields a bare command line lacks). */
  unknown?: string[];
}

export interface InputFormatModule {
  id: string;
  /** Name for people: "Windows event XML", "AWS CloudTrail JSON". */
  label: string;
  kind: ChunkKind;
  /** 0 when the chunk is not this format; higher is a better fit (1–10). */
  detect(chunk: Chunk): number;
  /** Read the chunk; a problem when it cannot. Never throws. */
  extract(chunk: Chunk): Extraction | { problem: string };
}

export function newExtraction(draft: EventDraft): Extraction {
  return { draft, datasets: new Map(), notes: [] };
}
