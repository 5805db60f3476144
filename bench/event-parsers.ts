/**
 * lib/events' hand-written XML reader (xml.ts) and CSV reader (csv.ts) against well-kept libraries
 * that also run in a browser worker: htmlparser2 (xmlMode) and saxes for XML, papaparse and
 * csv-parse (sync) for CSV. For each: time to read the same input (median of 5 after a warm-up),
 * heap growth while reading, and what it does with what users paste (a truncated event, a stray end
 * tag, an unclosed quote). Figures depend on the machine's load; nothing asserts on time.
 */
import { Parser as Html } from "htmlparser2";
import { SaxesParser } from "saxes";
import Papa from "papaparse";
import { parse as csvParse } from "csv-parse/sync";
import { parseXml } from "../lib/events/xml";
import { readRecord } from "../lib/events/csv";
import { sysmonEvent, winXml } from "../lib/events/windows-fixtures.test-data";

function time(label: string, f: () => unknown): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return ts.sort((a, b) => a - b)[2]!;
}

function heap(f: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  const keep = f();
  const after = process.memoryUsage().heapUsed;
  void keep;
  return (after - before) / 1048576;
}

/** Data elements read (Name → text), as the Windows reader needs them. */
function dataCountHand(xml: string): number {
  let n = 0;
  const walk = (els: ReturnType<typeof parseXml>["roots"]) => {
    for (const e of els) {
      if (e.name === "Data" && !e.unclosed) n++;
      walk(e.children);
    }
  };
  walk(parseXml(xml).roots);
  return n;
}

function dataCountHtml(xml: string): number {
  let n = 0;
  let inData = false;
  const p = new Html({ onopentag: (name) => void (inData = name === "Data"), onclosetag: (name) => { if (name === "Data" && inData) n++; inData = false; } }, { xmlMode: true, decodeEntities: true });
  p.write(xml);
  p.end();
  return n;
}

function dataCountSaxes(xml: string): { n: number; error?: string } {
  let n = 0;
  const p = new SaxesParser({ xmlns: false });
  let error: string | undefined;
  p.on("closetag", (t) => void (t.name === "Data" && n++));
  p.on("error", (e) => void (error ??= e.message.slice(0, 60)));
  try {
    p.write(xml).close();
  } catch (e) {
    error ??= e instanceof Error ? e.message.slice(0, 60) : String(e);
  }
  return { n, ...(error ? { error } : {}) };
}

function csvHand(text: string): number {
  let pos = 0;
  let rows = 0;
  while (pos < text.length) {
    const r = readRecord(text, pos, ",");
    rows++;
    pos = r.end + 1;
  }
  return rows;
}

const one = winXml(sysmonEvent(1));
const xml = `<Events>${one.repeat(5000)}</Events>`;
const csv = "process_name,process,user\n" + 'cmd.exe,"cmd.exe /c ""echo a,b""",bob\n'.repeat(100_000);

console.log(`event-parsers: XML ${(xml.length / 1048576).toFixed(1)} MB (5,000 Sysmon events), CSV ${(csv.length / 1048576).toFixed(1)} MB (100,000 rows)`);
const rows: [string, number, number][] = [
  ["xml.ts (hand-written)", time("hand", () => dataCountHand(xml)), heap(() => parseXml(xml))],
  ["htmlparser2 xmlMode", time("html", () => dataCountHtml(xml)), heap(() => dataCountHtml(xml))],
  ["saxes", time("saxes", () => dataCountSaxes(xml)), heap(() => dataCountSaxes(xml))],
  ["csv.ts (hand-written)", time("csv", () => csvHand(csv)), heap(() => csvHand(csv))],
  ["papaparse", time("papa", () => Papa.parse(csv).data.length), heap(() => Papa.parse(csv).data)],
  ["csv-parse/sync", time("csv-parse", () => csvParse(csv, { relax_quotes: true, relax_column_count: true }).length), heap(() => csvParse(csv, { relax_quotes: true, relax_column_count: true }))],
];
for (const [name, ms, mb] of rows) console.log(`  ${name.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms  heap +${mb.toFixed(0)} MB`);

const cut = one.slice(0, one.indexOf("<Data Name='ParentCommandLine'>") + 20);
const stray = one.replace("<Level>4</Level>", "<Le>4</Level>");
console.log("  recovery (Data elements read of the 23 in the event; a truncated event / a stray end tag):");
console.log(`    xml.ts        ${dataCountHand(cut)} / ${dataCountHand(stray)}  (cut element left out, the rest read)`);
console.log(`    htmlparser2   ${dataCountHtml(cut)} / ${dataCountHtml(stray)}`);
const sc = dataCountSaxes(cut);
const ss = dataCountSaxes(stray);
console.log(`    saxes         ${sc.n}${sc.error ? ` (error: ${sc.error})` : ""} / ${ss.n}${ss.error ? ` (error: ${ss.error})` : ""}`);
const badCsv = 'a,b\n1,"unterminated\n2,3\n';
console.log(`  CSV with an unclosed quote: csv.ts ${csvHand(badCsv)} records; papaparse ${Papa.parse(badCsv).data.length} rows, ${Papa.parse(badCsv).errors.length} error(s); csv-parse ${(() => { try { return `${csvParse(badCsv).length} rows`; } catch (e) { return `throws (${e instanceof Error ? e.message.slice(0, 40) : e})`; } })()}`);
