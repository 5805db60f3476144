/**
 * The backtracking classifier (risk.ts) and the safe runner built on it (index.ts): risky patterns
 * run on re2js when RE2 can run them, otherwise under an input-length limit that depends only on
 * the pattern. No test here reads a clock: the guarantees are structural (which engine, which limit).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compilePcre, RegexLimitError, riskOf, type CompiledRegex } from ".";
import { fastLimit, inputLimit, STEP_BUDGET } from "./risk";
import { ESCU } from "../fixtures/escu";

const RTLO = "(?<RTLO_command_1>.+)(?<RTLO_exist_process>\\x{202E})(?<RTLO_command_2>.+)";
const CONTAINER =
  '(?i).*(ZIP|ISO|IMG|CAB|TAR|GZ|RAR|7Z)\\\\.+\\.(BAT|BIN|CAB|CMD|COM|CPL|EX_|EXE|GADGET|INF1|INS|INX||HTM|HTML|ISU|JAR|JOB|JS|JSE|LNK|MSC|MSI|MSP|MST|PAF|PIF|PS1|REG|RGS|SCR|SCT|SHB|SHS|U3P|VB|VBE|VBS|VBSCRIPT|WS|WSF|WSH)"?$';

/** [pattern, class, degree (polynomial only), why] */
const CLASSES: [string, "linear" | "polynomial" | "exponential", number?, string?][] = [
  // issue 14: the two catalog patterns the old checker missed
  [RTLO, "polynomial", 2, "Detect RTLO In Process: quadratic on a×n + U+202E"],
  [CONTAINER, "polynomial", 3, "Suspicious Process Executed From Container File: cubic on zip\\ repeated"],
  ["(.+)(\\x{202E})(.+)", "polynomial", 2],
  // the search loop is the first link of a chain
  ["\\w+@", "polynomial", 2, "unanchored: every start position rescans the run"],
  [".*X", "polynomial", 2],
  ["(?<recipient_user>.*)@", "polynomial", 2],
  ["^\\w+@", "linear", undefined, "anchored: one start"],
  ["\\A.*X", "linear"],
  ["^a*a*c", "polynomial", 2, "two overlapping runs after an anchor"],
  ["^a*b*c", "linear", undefined, "disjoint runs"],
  ["x.*y.*z", "polynomial", 3],
  ["/d\\s+2", "linear", undefined, "a run that cannot consume what precedes it"],
  ["(?i)cmd\\.exe\\s+\\/Q", "linear"],
  ["CN\\=(?<object_name>[^,]+)", "linear", undefined, "nothing after the run can fail"],
  ["\\d{1,3}(\\.\\d{1,3}){3}", "linear", undefined, "bounded repetitions"],
  ["[a-z]{1,100}X", "polynomial", 2, "a wide bounded repetition counts as unbounded"],
  ["abc", "linear"],
  ["(?=.*x)a", "polynomial", 2, "a lookahead backtracks too"],
  // nesting and ambiguity
  ["(a+)+$", "exponential"],
  ["(a|a)*b", "exponential"],
  ["(\\w+\\s?)+$", "exponential"],
  ["(?<true_file_path>([^\\\\]*\\\\)*).*", "exponential"],
];

test("the classifier: linear, polynomial with its degree, exponential", () => {
  for (const [pattern, risk, degree, why] of CLASSES) {
    const r = riskOf(pattern);
    assert.ok(r, pattern);
    assert.equal(r.risk, risk, `${pattern} (${why ?? ""})`);
    if (degree !== undefined) assert.equal(r.degree, degree, `${pattern} degree`);
  }
});

function compiled(pattern: string): CompiledRegex {
  const r = compilePcre(pattern);
  if (!r.ok) assert.fail(`${pattern}: ${r.reason}`);
  return r.regex;
}

test("risky patterns RE2 can run go to re2js with PCRE groups kept (rex semantics)", () => {
  const rtlo = compiled(RTLO);
  assert.equal(rtlo.engine, "re2");
  assert.equal(rtlo.risky, false);
  const m = rtlo.exec("evil\u202Efdp.exe");
  assert.deepEqual(m?.named, { RTLO_command_1: "evil", RTLO_exist_process: "\u202E", RTLO_command_2: "fdp.exe" });
  // The hostile events of issue 14 are answered by the linear-time engine, whatever their length.
  assert.equal(rtlo.test("a".repeat(65535) + "\u202e"), false);
  const container = compiled(CONTAINER);
  assert.equal(container.engine, "re2");
  assert.equal(container.test("x.zip\\" + "zip\\".repeat(16381)), false);
  assert.equal(container.test("C:\\Users\\a\\Downloads\\invoice.zip\\invoice.exe"), true);
  assert.equal(container.test('C:\\Users\\a\\Downloads\\invoice.ZIP\\x\\invoice.Exe"'), true);
});

test("linear patterns stay on JavaScript with no limit", () => {
  for (const p of ["^\\w+@", "(?i)cmd\\.exe\\s+\\/Q", "\\d{1,3}(\\.\\d{1,3}){3}"]) {
    const r = compiled(p);
    assert.equal(r.engine, "js", p);
    assert.equal(r.risky, false, p);
    assert.equal(r.maxInput, undefined, p);
  }
});

test("risky patterns RE2 cannot run get a limit from the pattern alone: the same answer on any machine", () => {
  // A backreference keeps it on the backtracking engine.
  const stuck = compiled("(a+)+\\1$");
  assert.equal(stuck.engine, "js");
  assert.equal(stuck.risky, true);
  assert.equal(stuck.maxInput, Math.log2(STEP_BUDGET));
  assert.equal(stuck.test("aaaa"), true);
  const long = "a".repeat(stuck.maxInput! + 1) + "!";
  assert.throws(() => stuck.test(long), (e: unknown) => e instanceof RegexLimitError && /\(a\+\)\+\\1\$/.test(e.message) && e.message.includes(`${stuck.maxInput} characters`));
  // A quadratic lookahead pattern: limit √budget.
  const look = compiled("(.*\\\\)(?=.*(\\.\\w*)$|(\\w+)$)");
  assert.equal(look.engine, "js");
  assert.equal(look.risk.risk, "polynomial");
  assert.equal(look.maxInput, Math.floor(Math.pow(STEP_BUDGET, 1 / look.risk.degree)));
  assert.equal(look.exec("C:\\dir\\file.exe")?.groups[1], "C:\\dir\\");
  assert.throws(() => look.execAll("\\".repeat(look.maxInput! + 1)), RegexLimitError);
  assert.throws(() => look.replace("\\".repeat(look.maxInput! + 1), "x"), RegexLimitError);
});

test("limits: the worst case of a limited input stays within the step budget", () => {
  for (const degree of [2, 3, 4, 7]) {
    const n = inputLimit({ risk: "polynomial", degree });
    assert.ok(n ** degree <= STEP_BUDGET && (n + 1) ** degree > STEP_BUDGET, `degree ${degree}: ${n}`);
  }
  assert.equal(inputLimit({ risk: "linear", degree: 1 }), Infinity);
});

test("every catalog regex is classified; the risky ones are counted", () => {
  const counts = { linear: 0, polynomial: 0, exponential: 0, re2: 0, limited: 0 };
  const limited: string[] = [];
  for (const p of new Set(ESCU.regexes)) {
    const r = compilePcre(p);
    if (!r.ok) continue;
    counts[r.regex.risk.risk]++;
    if (r.regex.risk.risk !== "linear" && r.regex.engine === "re2") counts.re2++;
    if (r.regex.risky) {
      counts.limited++;
      limited.push(`  ${r.regex.maxInput} chars: ${p}`);
    }
  }
  console.log(`catalog fixture regexes: ${JSON.stringify(counts)}\n${limited.join("\n")}`);
  assert.ok(counts.polynomial + counts.exponential >= 2);
  assert.equal(counts.polynomial + counts.exponential, counts.re2 + counts.limited, "every risky pattern runs on RE2 or under a limit");
});

test("short values of a risky RE2-runnable pattern run on V8, long ones on re2js: the same answers", () => {
  const rtlo = compiled(RTLO);
  const limit = fastLimit(rtlo.risk);
  assert.equal(limit, 1024);
  for (const n of [limit - 10, limit + 10]) {
    const value = "a".repeat(n - 6) + "\u202Eb.exe";
    assert.equal(value.length, n);
    assert.deepEqual(rtlo.exec(value)?.named, { RTLO_command_1: "a".repeat(n - 6), RTLO_exist_process: "\u202E", RTLO_command_2: "b.exe" }, `length ${n}`);
  }
});
