import assert from "node:assert/strict";
import { test } from "node:test";
import { compareLoosely, compareNumbered, compareText } from "./collate";

const WORDS = ["apple", "Apple", "APPLE", "äpple", "b", "B", "a-b", "a b", "ab", "a_b", "aB", "Ab", "10", "9", "T1021.002", "T1021", "", " ", "Zeta", "éclair", "eclair", "Œuvre", "ß", "ss", "a\tb", "a\u0000", "Windows RDP", "Windows Rdp", "$x", "~x"];

test("compareText and compareNumbered order as localeCompare with the English locale", () => {
  for (const a of WORDS) for (const b of WORDS) {
    assert.equal(Math.sign(compareText(a, b)), Math.sign(a.localeCompare(b, "en")), `${JSON.stringify(a)} / ${JSON.stringify(b)}`);
    assert.equal(Math.sign(compareNumbered(a, b)), Math.sign(a.localeCompare(b, "en", { numeric: true })), `numbered ${a} / ${b}`);
    assert.equal(Math.sign(compareLoosely(a, b)), Math.sign(a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })), `loosely ${a} / ${b}`);
  }
  assert.ok(compareNumbered("T2", "T10") < 0 && compareText("T2", "T10") > 0);
});

test("compareText's ASCII weights agree with Intl.Collator on random strings (property)", () => {
  const collator = new Intl.Collator("en");
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
  // Mostly printable ASCII, with letters of both cases over a small alphabet so that ties and
  // case-only differences are common; now and then a character outside ASCII or a control.
  const alphabet = [..." _-.,:'\"()[]/\\&#%+<=>|~$019aAbBcCzZ", "é", "\u00a0", "\t", "ß", "İ"];
  const word = () => Array.from({ length: random(7) }, () => (random(20) === 0 ? alphabet[alphabet.length - 1 - random(5)] : alphabet[random(alphabet.length - 5)])).join("");
  for (let i = 0; i < 30_000; i++) {
    const a = word();
    const b = random(4) === 0 ? a.toUpperCase() : word();
    assert.equal(Math.sign(compareText(a, b)), Math.sign(collator.compare(a, b)), `${JSON.stringify(a)} / ${JSON.stringify(b)}`);
  }
  for (let c = 0x20; c < 0x7f; c++) for (let d = 0x20; d < 0x7f; d++) {
    const [a, b] = [String.fromCharCode(c), String.fromCharCode(d)];
    assert.equal(Math.sign(compareText(a, b)), Math.sign(collator.compare(a, b)), `${JSON.stringify(a)} / ${JSON.stringify(b)}`);
  }
});

test("shipped code orders text with lib/detection/collate, never with localeCompare", async () => {
  const { shippedLinesMatching } = await import("../../scripts/import-graph");
  assert.deepEqual(shippedLinesMatching(/\.localeCompare\(/), []);
});
