import { test } from "node:test";
import assert from "node:assert/strict";
import { strftime, strptime } from ".";

const T = 1700000000; // 2023-11-14T22:13:20Z, a Tuesday

test("strftime common codes (UTC)", () => {
  const cases: [number, string, string][] = [
    // ESCU security_content_ctime: convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(f) [V escu]; UTC [U].
    [T, "%Y-%m-%dT%H:%M:%S", "2023-11-14T22:13:20"],
    // convert ctime default format [V cmd10:convert].
    [T, "%m/%d/%Y %H:%M:%S", "11/14/2023 22:13:20"],
    [T, "%y %b %B %a %A", "23 Nov November Tue Tuesday"],
    [T, "%j", "318"],
    [T, "%I:%M %p", "10:13 PM"],
    [T, "%Z %z", "UTC +0000"],
    [T, "%s", "1700000000"],
    [T, "%F %T", "2023-11-14 22:13:20"],
    [T, "%e", "14"],
    [1699920000 + 86400 * -10, "[%e]", "[ 4]"],
    [T + 0.123456, "%3N|%6N|%Q|%N", "123|123456|123|123"],
    [T, "100%%", "100%"],
    [0, "%Y-%m-%d %H:%M:%S", "1970-01-01 00:00:00"],
    [0, "%I %p", "12 AM"],
    [-1, "%Y-%m-%d %H:%M:%S", "1969-12-31 23:59:59"],
    [T, "%u %w %V %U", "2 2 46 46"],
    [T, "%c", "Tue Nov 14 22:13:20 2023"],
    [T, "%q literal", "%q literal"], // unknown code written through
    [T, "trailing %", "trailing %"],
  ];
  for (const [t, f, want] of cases) assert.equal(strftime(t, f), want, f);
  assert.equal(strftime(NaN, "%Y"), "");
});

test("strptime", () => {
  const cases: [string, string, number | null][] = [
    ["2023-11-14T22:13:20", "%Y-%m-%dT%H:%M:%S", T],
    ["11/14/2023 22:13:20", "%m/%d/%Y %H:%M:%S", T],
    ["14 Nov 2023 10:13:20 PM", "%d %b %Y %I:%M:%S %p", T],
    ["November 14, 2023", "%B %d, %Y", 1699920000],
    ["2023-11-14 22:13:20.250", "%Y-%m-%d %H:%M:%S.%3N", T + 0.25],
    ["2023-11-14T23:13:20+0100", "%Y-%m-%dT%H:%M:%S%z", T],
    ["2023-11-14T22:13:20Z", "%Y-%m-%dT%H:%M:%S%z", T],
    ["1700000000", "%s", T],
    ["23-11-14", "%y-%m-%d", 1699920000],
    ["2023-318", "%Y-%j", 1699920000],
    ["2023-11-14 trailing", "%Y-%m-%d", 1699920000], // trailing text ignored [U]
    ["2023-02-30", "%Y-%m-%d", null],
    ["2023-13-01", "%Y-%m-%d", null],
    ["not a date", "%Y-%m-%d", null],
    ["2023/11/14", "%Y-%m-%d", null],
    ["12:00 AM", "%I:%M %p", 0],
  ];
  for (const [s, f, want] of cases) assert.equal(strptime(s, f), want, `${s} / ${f}`);
});

test("strftime ∘ strptime round-trips", () => {
  for (const t of [0, 86399, 951782400 /* 2000-02-29 */, T, 4102444800]) {
    const f = "%Y-%m-%dT%H:%M:%S";
    assert.equal(strptime(strftime(t, f), f), t);
  }
});
