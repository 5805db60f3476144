import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeEntities, findAll, parseXml } from "./xml";

test("decodeEntities", () => {
  const cases: [string, string][] = [
    ["a &amp; b", "a & b"],
    ["&lt;x&gt; &quot;q&quot; &apos;s&apos;", "<x> \"q\" 's'"],
    ["&#x41;&#66;&#x1F600;", "AB😀"],
    // Invalid or unknown references stay as written.
    ["&#xD800; &#0; &#x110000; &nbsp; & alone", "&#xD800; &#0; &#x110000; &nbsp; & alone"],
    ["&amp;lt;", "&lt;"],
  ];
  for (const [input, expected] of cases) assert.equal(decodeEntities(input), expected, input);
});

test("parseXml: names without prefixes, attributes, offsets, self-closing, recovery", () => {
  const text = `<?xml version="1.0"?><e:Events xmlns:e="x"><e:Event a='1' b="&amp;"><Leaf/><Data Name="N">v</Data></e:Event></e:Events>`;
  const { roots, problems } = parseXml(text);
  assert.deepEqual(problems, []);
  const [event] = findAll(roots, (el) => el.name === "Event");
  assert.ok(event);
  assert.deepEqual(event.attrs, { a: "1", b: "&" });
  assert.deepEqual(event.children.map((c) => c.name), ["Leaf", "Data"]);
  assert.equal(event.children[1]?.text, "v");
  assert.equal(text.slice(event.start, event.end), `<e:Event a='1' b="&amp;"><Leaf/><Data Name="N">v</Data></e:Event>`);

  const broken = parseXml(`<A><B><C>x</A> 3 < 4 </Z>`);
  assert.deepEqual(broken.problems.map((p) => p.message), ["missing </C>", "missing </B>", "unexpected </Z>"]);
  assert.equal(broken.roots[0]?.children[0]?.children[0]?.text, "x");
});
