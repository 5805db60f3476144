import { test } from "node:test";
import assert from "node:assert/strict";
import { cidrMatch, looksLikeCidr, parseIp } from "./cidr";

test("cidrMatch IPv4 and IPv6 [V search: IPv4 and IPv6 CIDR; cmpfn cidrmatch]", () => {
  const cases: [string, string, boolean | null][] = [
    ["10.0.0.0/8", "10.1.2.3", true],
    ["10.0.0.0/8", "11.1.2.3", false],
    ["192.168.1.0/24", "192.168.1.255", true],
    ["192.168.1.0/24", "192.168.2.1", false],
    ["192.168.1.128/25", "192.168.1.127", false],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["1.2.3.4/32", "1.2.3.4", true],
    ["10.0.0.0/8", "not-an-ip", false],
    ["10.0.0.0/8", " 10.0.0.1", false],
    ["10.0.0.0/8", "2001:db8::1", false],
    ["2001:db8::/32", "2001:db8:1::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["::ffff:0:0/96", "::ffff:1.2.3.4", true],
    ["fe80::/10", "FE80::1%eth0", true],
    ["::1/128", "::1", true],
    // Not CIDR notation → null.
    ["10.0.0.1", "10.0.0.1", null],
    ["10.0.0.0/33", "10.0.0.1", null],
    ["cmd.exe", "10.0.0.1", null],
    ["10.0.0.0/8/8", "10.0.0.1", null],
  ];
  for (const [c, ip, want] of cases) assert.equal(cidrMatch(c, ip), want, `${c} ${ip}`);
});

test("looksLikeCidr", () => {
  assert.equal(looksLikeCidr("10.0.0.0/8"), true);
  assert.equal(looksLikeCidr("2001:db8::/32"), true);
  assert.equal(looksLikeCidr("10.0.0.1"), false);
  assert.equal(looksLikeCidr("*/8"), false);
  assert.equal(looksLikeCidr("a/b"), false);
});

test("parseIp", () => {
  assert.deepEqual(parseIp("1.2.3.4")?.bytes, [1, 2, 3, 4]);
  assert.equal(parseIp("256.1.1.1"), null);
  assert.equal(parseIp("1.2.3"), null);
  assert.equal(parseIp("1::2::3"), null);
  assert.equal(parseIp("1:2:3:4:5:6:7:8:9"), null);
  assert.equal(parseIp("1:2:3:4:5:6:7:8")?.family, 6);
  assert.deepEqual(parseIp("::ffff:1.2.3.4")?.bytes.slice(10), [0xff, 0xff, 1, 2, 3, 4]);
});
