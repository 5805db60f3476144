/**
 * Classifies every regular expression of the full catalog (../shared/security_content, or
 * SECURITY_CONTENT=/path) with lib/spl/regex/risk.ts and prints how many are linear, polynomial
 * (by degree) or exponential, which engine runs each risky one (re2js, or JavaScript under an
 * input-length limit), and the analytics behind the limited ones. `npx tsx scripts/regex-risk.ts [-v]`
 */
import { compileCatalog, loadFullCatalog } from "../bench/common";
import { compilePcre } from "../lib/spl/regex";
import { regexLiterals } from "../lib/spl/fixtures/regex-literals";

const verbose = process.argv.includes("-v");
const catalog = await loadFullCatalog("regex-risk");
if (catalog) {
  const users = new Map<string, string[]>();
  for (const { analytic, compiled } of compileCatalog(catalog)) {
    for (const p of regexLiterals(compiled.expanded)) users.set(p, [...(users.get(p) ?? []), analytic.name]);
  }
  const tally = new Map<string, number>();
  const add = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
  const lines: string[] = [];
  let risky = 0;
  for (const [p, names] of users) {
    const r = compilePcre(p);
    if (!r.ok) {
      add("rejected (not run)");
      continue;
    }
    const { risk } = r.regex;
    add(risk.risk === "polynomial" ? `polynomial, degree ${risk.degree}` : risk.risk);
    if (risk.risk === "linear") continue;
    risky++;
    const how = r.regex.engine === "re2" ? "re2js" : `JavaScript, inputs ≤ ${r.regex.maxInput} chars`;
    add(`risky on ${r.regex.engine === "re2" ? "re2js" : "JavaScript with a limit"}`);
    if (verbose || r.regex.engine === "js") lines.push(`  ${risk.risk}${risk.risk === "polynomial" ? ` ${risk.degree}` : ""} → ${how}: ${p}\n      used by ${names.join("; ")}`);
  }
  console.log(`catalog: ${catalog.analytics.length} analytics, ${users.size} distinct regexes, ${risky} risky`);
  for (const [k, n] of [...tally].sort()) console.log(`  ${k.padEnd(34)} ${n}`);
  if (lines.length) console.log(lines.join("\n"));
}
