/**
 * Differential test against the real PCRE2 library: when python3 and libpcre2-8 are installed, a
 * small Python ctypes driver compiles and runs each pattern with PCRE2 (UTF mode, like Splunk),
 * and the translator must agree on acceptance, match bounds and groups. Patterns flagged
 * `inexact` only need to agree on whether there is a match. Skipped when the library is absent.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { compilePcre } from ".";

const ORACLE = String.raw`
# PCRE2 oracle: reads JSON lines {"p":pattern,"s":subject,"from":n} -> JSON {"ok":..., "m":[start,end,...groups offsets] or null, "err":...}
import ctypes, json, sys
u16 = lambda t: len(t.encode("utf-16-le")) // 2
lib = ctypes.CDLL("libpcre2-8.so.0")
lib.pcre2_compile_8.restype = ctypes.c_void_p
lib.pcre2_compile_8.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
lib.pcre2_match_data_create_from_pattern_8.restype = ctypes.c_void_p
lib.pcre2_match_data_create_from_pattern_8.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_match_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_get_ovector_pointer_8.restype = ctypes.POINTER(ctypes.c_size_t)
lib.pcre2_get_ovector_pointer_8.argtypes = [ctypes.c_void_p]
lib.pcre2_get_ovector_count_8.argtypes = [ctypes.c_void_p]
lib.pcre2_get_error_message_8.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]
UTF = 0x00080000
UNSET = ctypes.c_size_t(-1).value
for line in sys.stdin:
    q = json.loads(line)
    pb = q["p"].encode("utf-8")
    err = ctypes.c_int(); off = ctypes.c_size_t()
    code = lib.pcre2_compile_8(pb, len(pb), UTF, ctypes.byref(err), ctypes.byref(off), None)
    if not code:
        buf = ctypes.create_string_buffer(256); lib.pcre2_get_error_message_8(err.value, buf, 256)
        print(json.dumps({"err": buf.value.decode(), "off": off.value})); sys.stdout.flush(); continue
    md = lib.pcre2_match_data_create_from_pattern_8(code, None)
    s = q["s"]; sb = s.encode("utf-8", "surrogatepass")
    # map utf16 offset -> byte offset
    frm16 = q.get("from", 0)
    frmb = len(s.encode("utf-16-le", "surrogatepass")[:frm16*2].decode("utf-16-le", "surrogatepass").encode("utf-8"))
    rc = lib.pcre2_match_8(code, sb, len(sb), frmb, 0, md, None)
    if rc < 0:
        print(json.dumps({"m": None, "rc": rc})); sys.stdout.flush(); continue
    ov = lib.pcre2_get_ovector_pointer_8(md); n = lib.pcre2_get_ovector_count_8(md)
    res = []
    for i in range(n):
        a, b = ov[2*i], ov[2*i+1]
        if a == UNSET: res.append(None); continue
        pre = sb[:a].decode("utf-8"); mid = sb[a:b].decode("utf-8")
        res.append([u16(pre), u16(pre)+u16(mid)])
    print(json.dumps({"m": res})); sys.stdout.flush()
`;

interface OracleAnswer { err?: string; m?: ([number, number] | null)[] | null }

function runOracle(cases: { p: string; s: string; from?: number }[]): OracleAnswer[] | null {
  const r = spawnSync("python3", ["-c", ORACLE], { input: cases.map((c) => JSON.stringify(c)).join("\n") + "\n", maxBuffer: 1 << 28 });
  if (r.status !== 0 || r.error) return null;
  const lines = r.stdout.toString().trim().split("\n");
  return lines.length === cases.length ? lines.map((l) => JSON.parse(l) as OracleAnswer) : null;
}

let seed = 20261122;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
const ATOMS = ["a", "b", "A", "\\n", ".", "\\s", "\\S", "\\d", "\\w", "\\W", "[ab]", "[^a]", "[[:alpha:]]", "[[:upper:]]",
  "\\h", "\\v", "\\R", "x", "\\x{41}", "\\e", "\\.", "[]a]", "[^]a]", "\\N", "é", "k", "[a-c\\s]", "[^\\W\\d]"];
function gen(d: number): string {
  const r = rnd();
  if (d <= 0 || r < 0.35) return pick(ATOMS);
  if (r < 0.5) return gen(d - 1) + gen(d - 1);
  if (r < 0.6) return "(" + gen(d - 1) + "|" + gen(d - 1) + ")";
  if (r < 0.7) return "(?:" + gen(d - 1) + ")" + pick(["*", "+", "?", "{1,2}", "*?", "+?", "*+", "{2}"]);
  if (r < 0.75) return pick(["^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z"]);
  if (r < 0.8) return "(?i:" + gen(d - 1) + ")";
  if (r < 0.84) return "(?=" + gen(d - 1) + ")";
  if (r < 0.87) return "(?<=" + pick(["a", "b", "\\n", "ab|c", "[ab]"]) + ")";
  if (r < 0.9) return "(?>" + gen(d - 1) + ")";
  if (r < 0.92) return pick(["\\1", "(?P=n)", "\\g{-1}", "\\k<n>"]);
  if (r < 0.95) return "(?<n>" + gen(d - 1) + ")";
  return "(" + gen(d - 1) + ")" + pick(["", "+", "*"]);
}
const CHARS = ["a", "b", "A", "B", "\n", " ", "\t", "\u000b", "\r", "x", "1", ".", "-", "]", "é", "É", "\u00a0", "\u2028", "\u212a", "k"];

test("agrees with libpcre2 on random patterns and inputs", (t) => {
  const cases: { p: string; s: string; from: number }[] = [];
  for (let i = 0; i < 1500; i++) {
    const p = pick(["", "", "(?i)", "(?m)", "(?s)", "(?ims)", "(?x)"]) + gen(4);
    for (let j = 0; j < 4; j++) {
      let s = "";
      const n = Math.floor(rnd() * 8);
      for (let k = 0; k < n; k++) s += pick(CHARS);
      cases.push({ p, s, from: j === 3 ? Math.floor(rnd() * (s.length + 1)) : 0 });
    }
  }
  const answers = runOracle(cases);
  if (!answers) {
    t.skip("python3 with libpcre2-8 is not available");
    return;
  }
  let agree = 0;
  let rejectedBoth = 0;
  let weReject = 0;
  let inexact = 0;
  cases.forEach((c, i) => {
    const o = answers[i] ?? {};
    const r = compilePcre(c.p);
    const label = `${JSON.stringify(c.p)} on ${JSON.stringify(c.s)} from ${c.from}`;
    if (o.err !== undefined) {
      assert.equal(r.ok, false, `PCRE2 rejects ${label}: ${o.err}`);
      rejectedBoth++;
      return;
    }
    if (!r.ok) {
      weReject++; // untranslatable (reported), not a wrong answer
      return;
    }
    const m = r.regex.exec(c.s, c.from);
    const ours = m ? [[m.start, m.end], ...m.groups.slice(1).map((g) => g ?? null)] : null;
    const theirs = o.m ? [o.m[0], ...o.m.slice(1).map((sp) => (sp ? c.s.slice(sp[0], sp[1]) : null))] : null;
    if (r.regex.inexact) {
      assert.equal(ours === null, theirs === null, `match/no match: ${label}`);
      inexact++;
      return;
    }
    assert.deepEqual(ours, theirs, label);
    agree++;
  });
  console.log(`pcre2 oracle: ${agree} exact, ${inexact} inexact-flagged (match/no match agreed), ${rejectedBoth} rejected by both, ${weReject} rejected only by the translator`);
});
