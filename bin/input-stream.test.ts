/**
 * `cli match`'s streamed input gives exactly what reading the whole text gives (readEvents): the
 * same events (fields, datasets, unknown), lines, columns, problems and order, for inputs cut in
 * tiny byte pieces and batches (lines and multi-byte characters split between pieces, CRLF, blank
 * lines, a last line without a break, XML and JSON spanning lines…); and a long input of one
 * event per line is read without holding it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { byteChunks, memoryIO } from "./io";
import { readEvents, type LineItem } from "./input";
import { BATCH_CHARS, openStream, streamEvents, type TextSource } from "./input-stream";
import { main } from "./main";
import { BUILTIN_CONTENT } from "./content";
import { SAMPLE_CHARS } from "../lib/events/stream";
import { sysmonEvent, winXml } from "../lib/events/windows-fixtures.test-data";

const NOW = 1_750_000_000;
const XML = winXml(sysmonEvent(1)).replace(/></g, ">\n<");

async function streamed(text: string, chunkBytes: number, batchChars: number): Promise<{ items: LineItem[]; source: TextSource }> {
  const source = await openStream(byteChunks(text, chunkBytes));
  const items: LineItem[] = [];
  for await (const item of streamEvents(source, { now: NOW, batchChars })) items.push(item);
  return { items, source };
}

/** What readInput + readEvents give for the same bytes. */
function whole(text: string): LineItem[] {
  const decoded = Buffer.from(text, "utf8").toString("utf8");
  return [...readEvents(decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded, undefined, NOW)];
}

const CASES: [string, string][] = [
  ["command lines", "cmd.exe /c whoami\npowershell -enc AAAA\nC:\\Windows\\System32\\svchost.exe -k netsvcs\n"],
  ["NDJSON", '{"process":"rc.exe \\\\\\\\10.0.0.1 cmd.exe","process_name":"rc.exe"}\n{"process_name":"cmd.exe","dest":"h1"}\n'],
  ["CRLF line endings and blank lines", "cmd.exe /c a\r\n\r\n\r\n  net user x /add\r\n\t\r\nwhoami /all\r\n"],
  ["a final line without a break", "cmd.exe /c a\nwhoami"],
  ["multi-byte characters (cut between pieces)", "cmd.exe /c echo héllo wörld\nnotepad.exe C:\\Users\\ユーザー\\😀.txt\n"],
  ["a BOM, then leading blanks", "\uFEFF\n\n   cmd.exe /c a\nb\n"],
  ["two BOMs", "\uFEFF\uFEFFcmd.exe /c a\n"],
  ["a no-break space before the first event", "\u00a0{\"process_name\":\"cmd.exe\"}\nx\n"],
  ["JSON strings, one per line", '"cmd.exe /c a"\n"whoami"\n'],
  ["a command line in quotes", '"C:\\Program Files\\x.exe" /y\nb\n'],
  ["syslog and key=value lines", "<34>Oct 11 22:14:15 host sshd[1]: Failed password\ntype=EXECVE msg=audit(1.2:3): argc=2 a0=\"ls\"\nuser=bob action=allowed\n"],
  ["PowerShell lines starting with [", "[Convert]::FromBase64String('AAAA')\n[System.Text.Encoding]::UTF8\n"],
  ["binary bytes and lone CR", "ok line\nbad \u0000 line\rnext\rlast\n"],
  ["XML events", `${XML}\n${XML}\n`],
  ["command lines, then an XML event, then more lines", `cmd.exe /c a\nb\n${XML}\nwhoami\n`],
  ["a JSON object over many lines in the middle", 'cmd.exe /c a\n{\n  "process_name": "cmd.exe",\n  "process": "cmd.exe /c b"\n}\nwhoami\n'],
  ["a JSON array", '[{"process_name":"a.exe"},\n {"process_name":"b.exe"}]\n'],
  ["a JSON array after lines", 'x\n[\n{"process_name":"a.exe"}\n]\ny\n'],
  ["broken JSON lines", '{"process_name":"a.exe"\n{"process_name":"b.exe"}\n{"a":1} trailing\n'],
  ["Splunk results container", '{"results":[{"process_name":"a.exe"},{"process_name":"b.exe"}]}\nc\n'],
  ["CSV with a header", "process_name,process\ncmd.exe,\"cmd.exe /c\nwhoami\"\nb.exe,b\n"],
  ["an unclosed <Event> then lines", "a\n<Event xmlns='x'><System><EventID>1</EventID></System>\nb\nc\n"],
  ["only blanks", "\n \r\n\t\n"],
  ["empty", ""],
];

for (const [name, text] of CASES) {
  test(`streamed = whole: ${name}`, async () => {
    const expected = whole(text);
    for (const [chunk, batch] of [[1, 1], [2, 7], [3, 64], [5, 3], [1 << 16, BATCH_CHARS]] as const) {
      const { items } = await streamed(text, chunk, batch);
      assert.deepEqual(items, expected, `pieces of ${chunk} bytes, batches of ${batch} characters`);
    }
  });
}

/** A seeded mix of lines of every kind, cut at random. */
test("streamed = whole: 300 random mixes of lines, pieces and batches", async () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const parts = [
    "cmd.exe /c whoami", '{"process_name":"cmd.exe","process":"cmd.exe /c é"}', '"quoted.exe" /x', "", "   ", "\t", "<34>syslog line",
    "<Event", "<!-- c -->", "[Convert]::x", "[", "]", "{", "}", '{"a":', '  "b": 1', "😀 ünïcode", "k=v a=b", "\u00a0nbsp", "\uFEFFbom", XML,
    '{"results":[{"process_name":"x"}]}', "bad\u0001control", "process_name,process", "\r",
  ];
  const breaks = ["\n", "\r\n", "\r", "\n\n"];
  for (let i = 0; i < 300; i++) {
    const n = 1 + rand(12);
    let text = "";
    for (let k = 0; k < n; k++) text += parts[rand(parts.length)]! + (k < n - 1 || rand(2) ? breaks[rand(breaks.length)]! : "");
    const { items } = await streamed(text, 1 + rand(9), 1 + rand(40));
    assert.deepEqual(items, whole(text), JSON.stringify(text));
  }
});

test("streamed = whole: inputs longer than the sample (the start decided on its first part)", async () => {
  const line = (i: number) => (i % 3 === 0 ? `{"process_name":"p${i}.exe","process":"p${i}.exe /c é"}` : i % 3 === 1 ? `cmd.exe /c echo ${i}` : `"C:\\x${i}.exe" /y`);
  const lines = Array.from({ length: 12_000 }, (_, i) => line(i));
  const text = lines.join("\n") + "\n";
  assert.ok(text.length > SAMPLE_CHARS);
  const quoted = Array.from({ length: 12_000 }, (_, i) => `"cmd.exe /c ${i}"`).join("\n") + "\n"; // all JSON strings: JSON mode
  const late = `${text}${XML}\n${text}`; // an XML event after the sample: the rest read whole
  const csv = "process_name,process\n" + lines.map((l, i) => `p${i}.exe,"${l.replace(/"/g, '""')}"`).join("\n") + "\n";
  for (const [name, input, whole_] of [["lines", text, undefined], ["JSON strings", quoted, undefined], ["late XML", late, "a line"], ["CSV", csv, "CSV"]] as const) {
    const { items, source } = await streamed(input, 4093, 10_007);
    assert.deepEqual(items, whole(input), name);
    if (whole_ === undefined) assert.equal(source.report.whole, undefined, name);
    else assert.match(source.report.whole ?? "", new RegExp(whole_), name);
  }
});

test("a long input of one event per line is read without holding it (an injected source of 8 MB)", async () => {
  const lines = 100_000;
  let made = 0;
  async function* generate(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < lines; i += 1000) {
      let piece = "";
      for (let k = i; k < i + 1000; k++) piece += k % 2 ? `{"process_name":"p.exe","process":"p.exe /c ${k} ${"x".repeat(40)}"}\n` : `cmd.exe /c echo ${k} ${"y".repeat(40)}\n`;
      made += piece.length;
      yield Buffer.from(piece);
    }
  }
  const source = await openStream(generate());
  let events = 0;
  let last = 0;
  for await (const item of streamEvents(source)) {
    assert.ok("event" in item, JSON.stringify(item));
    assert.equal(item.line, last + 1);
    last = item.line;
    events++;
  }
  assert.equal(events, lines);
  assert.ok(made > 7_000_000, `${made}`);
  assert.ok(source.report.maxHeld < SAMPLE_CHARS + BATCH_CHARS + 100_000, `held ${source.report.maxHeld} characters of ${made}`);
  assert.equal(source.report.whole, undefined);
});

test("cli match: the same stdout whatever the pieces the input arrives in", async () => {
  const text = CASES.map(([, t]) => t).join("\n");
  const run = async (chunkBytes: number) => {
    const io = memoryIO(text, {}, false, chunkBytes);
    const code = await main(["match", "--content", BUILTIN_CONTENT], io);
    return { code, out: io.stdout() };
  };
  const big = await run(1 << 20);
  assert.equal(big.code, 0);
  assert.ok(big.out.split("\n").length > 50);
  for (const size of [1, 3, 17]) assert.deepEqual(await run(size), big, `pieces of ${size} bytes`);
});
