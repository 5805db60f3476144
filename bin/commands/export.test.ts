/**
 * `cli export`: the page's exports on the command line (lib/export), on the built-in content.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { BUILTIN_CONTENT } from "../content";
import { memoryIO } from "../io";
import { main } from "../main";

const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const WMIEXEC = String.raw`cmd.exe /Q /c cd \ 1> \\127.0.0.1\ADMIN$\__1700000000.12 2>&1`;
const SLUG = "impacket_lateral_movement_smbexec_commandline_parameters";

async function cli(argv: string[], stdin = "", env: Record<string, string> = {}) {
  const io = memoryIO(stdin, {}, false);
  Object.assign(io.env, env);
  const code = await main(["export", "--content", BUILTIN_CONTENT, "--analytic", SLUG, ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

test("every format prints what the page exports", async () => {
  const input = `${SMBEXEC}\n${WMIEXEC}\n`;
  const cases: [string[], Record<string, string>, (out: string) => void][] = [
    [["--format", "md"], {}, (out) => {
      assert.match(out, /^### Impacket Lateral Movement smbexec CommandLine Parameters$/m, "no PUBLIC_URL: no link");
      assert.match(out, /^#### Event 2: Does not fire$/m);
      assert.match(out, /^- ✘ \*\*fail\*\* `match\(process,"\(\?i\)echo\\s\+cd"\)`$/m);
    }],
    [["--format", "md"], { PUBLIC_URL: "https://console.example.com/" }, (out) => assert.match(out, /^### \[Impacket.*\]\(<https:\/\/console\.example\.com\/analytics\/impacket_lateral_movement_smbexec_commandline_parameters>\)$/m)],
    [["--format", "html"], {}, (out) => assert.match(out, /<h4>Event 1: Fires<\/h4>[\s\S]*BTOBTOxy\.bat &amp; del/)],
    [["--format", "contentctl"], {}, (out) => assert.deepEqual(parse(out).tests[0].attack_data.map((a: { data: string }) => a.data), [`${SLUG}.log`])],
    [["--format", "data-yml", "--author", "Ada"], {}, (out) => {
      const doc = parse(out);
      assert.equal(doc.author, "Ada");
      assert.equal(doc.datasets[0].path, `/datasets/attack_techniques/T1021.002/${SLUG}/${SLUG}.log`);
    }],
  ];
  for (const [argv, env, check] of cases) {
    const r = await cli(argv, input, env);
    assert.equal(r.code, 0, `${argv.join(" ")}: ${r.err}`);
    check(r.out);
  }
});

test("--format splunk prints the Open in Splunk link (no events read)", async () => {
  const written = await cli(["--format", "splunk"], "", { SPLUNK_URL: "https://splunk.example.com:8000/" });
  assert.equal(written.code, 0, written.err);
  const u = new URL(written.out.trim());
  assert.equal(`${u.origin}${u.pathname}`, "https://splunk.example.com:8000/en-US/app/search/search");
  assert.match(u.searchParams.get("q")!, /^\| tstats `security_content_summariesonly`/);
  assert.deepEqual([u.searchParams.get("earliest"), u.searchParams.get("latest")], ["-24h", "now"]);
  const expanded = await cli(["--format", "splunk", "--splunk-url", "https://s.example.org", "--expanded", "--range", "7d"]);
  const v = new URL(expanded.out.trim());
  assert.equal(v.origin, "https://s.example.org");
  assert.ok(!v.searchParams.get("q")!.includes("`"), "macros expanded");
  assert.equal(v.searchParams.get("earliest"), "-7d");
});

test("bad arguments exit 2 with one line", async () => {
  const cases: [string[], Record<string, string>, RegExp][] = [
    [["--format", "pdf"], {}, /--format is one of md, html, contentctl, data-yml, splunk/],
    [["--format", "splunk"], {}, /needs --splunk-url URL or SPLUNK_URL/],
    [["--format", "splunk", "--splunk-url", "https://a:b@s.example.org"], {}, /refused: no user name or password/],
    [["--format", "splunk", "--splunk-url", "javascript:alert(1)"], {}, /refused: only http and https/],
    [["--format", "splunk", "--range", "1y"], { SPLUNK_URL: "https://s.example.org" }, /--range is one of/],
    [["--format", "md"], {}, /no event in the input/],
  ];
  for (const [argv, env, want] of cases) {
    const r = await cli(argv, "", env);
    assert.equal(r.code, 2, argv.join(" "));
    assert.match(r.err, want, argv.join(" "));
  }
});
