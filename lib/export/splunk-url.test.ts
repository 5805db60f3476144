import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSplunkUrl, splunkSearchUrl, splunkUrlFromEnv, timeRange, TIME_RANGES } from "./splunk-url";

test("Splunk URLs: http(s) only, no credentials, no query or fragment; normalised", () => {
  const cases: [string, string | RegExp][] = [
    ["https://splunk.example.com:8000", "https://splunk.example.com:8000"],
    ["https://splunk.example.com:8000/", "https://splunk.example.com:8000"],
    ["  http://10.0.0.5:8000/en-US/  ", "http://10.0.0.5:8000"],
    ["https://example.com/splunk/en-GB", "https://example.com/splunk"],
    ["https://example.com/splunk//", "https://example.com/splunk"],
    ["https://EXAMPLE.com", "https://example.com"],
    ["", /empty/],
    ["splunk.example.com:8000", /only http and https|not a URL/],
    ["javascript:alert(1)", /only http and https/],
    ["data:text/html,x", /only http and https/],
    ["ftp://splunk.example.com", /only http and https/],
    ["https://admin:changeme@splunk.example.com:8000", /no user name or password/],
    ["https://admin@splunk.example.com", /no user name or password/],
    ["https://splunk.example.com/?q=1", /no query/],
    ["https://splunk.example.com/#x", /no query/],
    ["not a url", /not a URL/],
  ];
  for (const [input, want] of cases) {
    const got = checkSplunkUrl(input);
    if (typeof want === "string") assert.deepEqual(got, { ok: true, url: want }, input);
    else {
      assert.equal(got.ok, false, input);
      if (!got.ok) assert.match(got.reason, want, input);
    }
  }
});

test("the search link: q is the URL-encoded search; earliest / latest from the range (default last 24 h)", () => {
  const search = '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where Processes.process="*\\\\*" by x | `f_filter`';
  const cases: [string, string | undefined, { earliest: string; latest: string }][] = [
    ["https://s.example.com:8000", undefined, { earliest: "-24h", latest: "now" }],
    ["https://s.example.com:8000/", "7d", { earliest: "-7d", latest: "now" }],
    ["https://s.example.com/root", "all", { earliest: "0", latest: "now" }],
    ["https://s.example.com", "nonsense", { earliest: "-24h", latest: "now" }],
  ];
  for (const [base, range, want] of cases) {
    const href = splunkSearchUrl(base, `\n${search}\n`, timeRange(range));
    assert.ok(href, base);
    const u = new URL(href);
    assert.equal(`${u.origin}${u.pathname}`, `${checkSplunkUrl(base).ok ? (checkSplunkUrl(base) as { url: string }).url : ""}/en-US/app/search/search`);
    assert.equal(u.searchParams.get("q"), search, "q decodes to the search, trimmed");
    assert.equal(u.searchParams.get("earliest"), want.earliest);
    assert.equal(u.searchParams.get("latest"), want.latest);
    assert.deepEqual([...u.searchParams.keys()], ["q", "earliest", "latest"], "a # or & in the search cannot add a parameter");
  }
  assert.equal(splunkSearchUrl("javascript:alert(1)", "x"), null);
});

test("characters that would break the query string are escaped", () => {
  const search = 'index=main "a&b=c" #x + y % 100 | eval z="é"';
  const href = splunkSearchUrl("https://s.example.com", search)!;
  assert.ok(!href.slice(href.indexOf("q=")).includes(" "));
  assert.ok(!/q=[^&]*#/.test(href));
  assert.equal(new URL(href).searchParams.get("q"), search);
});

test("SPLUNK_URL from the environment: unset is silent, invalid is ignored with the reason", () => {
  assert.deepEqual(splunkUrlFromEnv(undefined), {});
  assert.deepEqual(splunkUrlFromEnv(" "), {});
  assert.deepEqual(splunkUrlFromEnv("https://s.example.com:8000/"), { url: "https://s.example.com:8000" });
  assert.match(splunkUrlFromEnv("https://u:p@s.example.com")!.problem!, /SPLUNK_URL is ignored: no user name or password/);
});

test("every time range has a distinct id and Splunk time modifiers", () => {
  assert.equal(new Set(TIME_RANGES.map((r) => r.id)).size, TIME_RANGES.length);
  for (const r of TIME_RANGES) {
    assert.match(r.earliest, /^(-\d+[smhdw]|0)$/);
    assert.equal(r.latest, "now");
  }
});
