import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { CATASTROPHIC_ID, CATASTROPHIC_INPUT, hostileContent, serveContent, type Served } from "./api-server";

/** The HTTP API against the running server (built-in content on :3100), and a hostile content server. */
const SMBEXEC_ID = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const REMCOM_ID = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const EVENTS: unknown[] = [
  SMBEXEC,
  SMBEXEC.replace("echo cd", "echo whoami"),
  String.raw`cmd.exe /Q /c cd \ 1> \\127.0.0.1\ADMIN$\__1700000000.12 2>&1`,
  String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`,
  String.raw`rc.exe \\10.0.0.5 /user:a /pwd:b cmd.exe`,
  { process: String.raw`rc.exe \\10.0.0.5 /user:a /pwd:b cmd.exe`, process_name: "rc.exe", original_file_name: "RemCom.exe" },
];

test.describe("HTTP API (built-in content)", () => {
  test("POST /api/match?pairs=all: verdicts, shape, and parity with `cli match` on the same events", async ({ request }) => {
    const r = await request.post("/api/match?pairs=all", { data: { events: EVENTS } });
    expect(r.status()).toBe(200);
    expect(r.headers()["content-type"]).toMatch(/^application\/json/);
    const { results } = (await r.json()) as { results: { event: number; analytic: string; verdict: string; reason?: string }[] };
    expect(results).toHaveLength(EVENTS.length * 2);
    const v = (i: number, id: string) => results.find((x) => x.event === i && x.analytic === id)?.verdict;
    expect([0, 1, 2].map((i) => v(i, SMBEXEC_ID))).toEqual(["match", "no_match", "no_match"]);
    expect([3, 4, 5].map((i) => v(i, REMCOM_ID))).toEqual(["match", "no_match", "match"]);

    const cli = spawnSync("npx", ["tsx", "bin/cli.ts", "match", "--content", "content"], { input: EVENTS.map((e) => JSON.stringify(e)).join("\n") + "\n", encoding: "utf8" });
    expect(cli.status).toBe(0);
    const lines = cli.stdout.trim().split("\n").map((l) => JSON.parse(l) as { line: number; analytic: string; verdict: string });
    expect(results.map((x) => `${x.event + 1} ${x.analytic} ${x.verdict}`)).toEqual(lines.map((x) => `${x.line} ${x.analytic} ${x.verdict}`));

    // The default answer is compact: the same verdicts counted, and the matches.
    const c = await request.post("/api/match", { data: { events: EVENTS } });
    expect(c.status()).toBe(200);
    const compact = await c.json();
    const count = (v: string) => lines.filter((x) => x.verdict === v).length;
    expect(compact.counts).toEqual({ match: count("match"), no_match: count("no_match"), not_testable: count("not_testable") });
    expect(compact.matches.map((m: { event: number; analytic: string }) => `${m.event + 1} ${m.analytic}`)).toEqual(lines.filter((x) => x.verdict === "match").map((x) => `${x.line} ${x.analytic}`));
  });

  test("?explain=1 adds the trace; analytics by slug", async ({ request }) => {
    const r = await request.post("/api/match?explain=1&pairs=all", { data: { events: [SMBEXEC], analytics: ["impacket_lateral_movement_smbexec_commandline_parameters"] } });
    expect(r.status()).toBe(200);
    const { results } = await r.json();
    expect(results).toHaveLength(1);
    expect(results[0].verdict).toBe("match");
    expect(results[0].trace.map((s: { command: string }) => s.command)).toContain("where");
  });

  test("errors: 400 naming the field, 404 unknown analytic, 405 wrong method, 413 too large", async ({ request }) => {
    const bad = await request.post("/api/match", { data: { events: ["a.exe", "b.exe", "c.exe", 7] } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ error: "events[3]: expected an object or a string, got a number" });
    const invalid = await request.post("/api/match", { headers: { "content-type": "application/json" }, data: Buffer.from("{nope") });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error).toMatch(/^body: invalid JSON/);
    const unknown = await request.post("/api/match", { data: { events: ["a.exe"], analytics: ["nope"] } });
    expect(unknown.status()).toBe(404);
    const method = await request.get("/api/match");
    expect(method.status()).toBe(405);
    expect(method.headers()["allow"]).toBe("POST");
    expect((await method.json()).error).toMatch(/GET is not allowed/);
    const big = await request.post("/api/match", { headers: { "content-type": "application/json" }, data: JSON.stringify({ events: ["x".repeat(1_100_000)] }) });
    expect(big.status()).toBe(413);
    expect((await big.json()).error).toMatch(/larger than the limit of 1048576 bytes/);
    const many = await request.post("/api/match", { data: { events: Array.from({ length: 1001 }, () => "a.exe") } });
    expect(many.status()).toBe(413);
    const nowhere = await request.get("/api/nowhere");
    expect(nowhere.status()).toBe(404);
    expect((await nowhere.json()).error).toMatch(/no API endpoint/);
  });

  test("GET /api/analytics and /api/analytics/<id>", async ({ request }) => {
    const list = await request.get("/api/analytics");
    expect(list.status()).toBe(200);
    const j = await list.json();
    expect(j.total).toBe(2);
    expect(j.analytics.map((a: { id: string }) => a.id).sort()).toEqual([SMBEXEC_ID, REMCOM_ID].sort());
    expect(j.analytics[0]).toHaveProperty("testable", "event");
    const one = await request.get(`/api/analytics/${REMCOM_ID}`);
    expect(one.status()).toBe(200);
    const a = await one.json();
    expect(a.slug).toBe("windows_lateral_tool_transfer_remcom");
    expect(a.rba.riskScore).toBe(40);
    expect(a.expanded).not.toContain("`");
    expect((await request.get("/api/analytics/nope")).status()).toBe(404);
    expect((await request.delete(`/api/analytics/${REMCOM_ID}`)).status()).toBe(405);
  });

  test("security headers on API responses", async ({ request }) => {
    const r = await request.get("/api/analytics");
    const h = r.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

test.describe("HTTP API: regex time budget (hostile content)", () => {
  let served: Served;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    served = await serveContent(hostileContent());
  });
  test.afterAll(async () => served?.stop());

  test("a catastrophic regex gets a verdict from its input alone (not_testable regex_limit, no timer); the same again; the next request still works", async ({ request }) => {
    // Warm up (starts the evaluation worker).
    const warm = await request.post(`${served.url}/api/match`, { data: { events: ["cmd.exe /c whoami"] } });
    expect(warm.status()).toBe(200);
    const t0 = Date.now();
    const body = { data: { events: [CATASTROPHIC_INPUT, SMBEXEC], analytics: [CATASTROPHIC_ID, SMBEXEC_ID] } };
    const r = await request.post(`${served.url}/api/match?pairs=all`, body);
    const ms = Date.now() - t0;
    expect(r.status()).toBe(200);
    const { results } = await r.json();
    // The pattern can backtrack catastrophically and has a lookahead (RE2 cannot run it): it runs
    // only on values up to a length fixed by the pattern (lib/spl/regex/risk.ts), the same answer
    // on any machine and under any load.
    expect(results[0]).toMatchObject({ event: 0, analytic: CATASTROPHIC_ID, verdict: "not_testable" });
    expect(results[0].reason).toMatch(/can backtrack catastrophically .* run only on values up to 5 characters, and this value has 31/);
    expect(results[3]).toMatchObject({ event: 1, analytic: SMBEXEC_ID, verdict: "match" });
    // The wall time is printed, not asserted: speed lives in benchmarks, not in tests.
    console.log(`catastrophic regex request answered in ${ms} ms`);
    const again = await request.post(`${served.url}/api/match?pairs=all`, body);
    expect((await again.json()).results).toEqual(results);
    const after = await request.post(`${served.url}/api/match`, { data: { events: [SMBEXEC], analytics: [SMBEXEC_ID] } });
    expect(after.status()).toBe(200);
    expect((await after.json()).matches).toEqual([expect.objectContaining({ event: 0, analytic: SMBEXEC_ID })]);
  });
});
