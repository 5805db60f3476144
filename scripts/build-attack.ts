/**
 * Builds lib/attack/data/enterprise-attack.json, the facts-only ATT&CK table the console ships.
 *
 * Input: the compact Enterprise ATT&CK v18.1 tables in ../shared/attack (extracted from mitre/cti).
 * Output: techniques {id, name, tactics, parent?, deprecated?, revoked?, revoked_by?} and tactics
 * {id, shortname, name, order}, one record per line so diffs stay readable. Flags are written only
 * when true, `parent` only for sub-techniques.
 *
 * Usage: npx tsx scripts/build-attack.ts [inputDir] [outputFile]
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const ATTACK_VERSION = "18.1";
const SOURCE =
  "MITRE ATT&CK Enterprise v18.1, mitre/cti @ 421deacb77191b38bdd1bf63268954e93da91365 (2025-11-13); ids, names, tactics and status flags only";

interface InTechnique {
  id: string;
  name: string;
  tactics: string[];
  parent: string | null;
  deprecated: boolean;
  revoked: boolean;
  revoked_by?: string;
}
interface InTactic {
  id: string;
  shortname: string;
  name: string;
  order: number;
}

function fail(message: string): never {
  console.error(`build-attack: ${message}`);
  process.exit(1);
}

async function readJsonArray(file: string): Promise<unknown[]> {
  const text = await readFile(file, "utf8").catch(() => fail(`cannot read ${file}`));
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) fail(`${file} is not a JSON array`);
  return data;
}

function technique(raw: unknown): InTechnique {
  const t = raw as Partial<InTechnique>;
  if (typeof t.id !== "string" || typeof t.name !== "string" || !Array.isArray(t.tactics)) {
    fail(`bad technique record ${JSON.stringify(raw)}`);
  }
  return {
    id: t.id,
    name: t.name,
    tactics: t.tactics.map(String),
    parent: typeof t.parent === "string" ? t.parent : null,
    deprecated: t.deprecated === true,
    revoked: t.revoked === true,
    revoked_by: typeof t.revoked_by === "string" ? t.revoked_by : undefined,
  };
}

function tactic(raw: unknown): InTactic {
  const t = raw as Partial<InTactic>;
  if (typeof t.id !== "string" || typeof t.shortname !== "string" || typeof t.name !== "string" || typeof t.order !== "number") {
    fail(`bad tactic record ${JSON.stringify(raw)}`);
  }
  return { id: t.id, shortname: t.shortname, name: t.name, order: t.order };
}

function compactTechnique(t: InTechnique): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, name: t.name, tactics: t.tactics };
  if (t.parent) out.parent = t.parent;
  if (t.deprecated) out.deprecated = true;
  if (t.revoked) out.revoked = true;
  if (t.revoked_by) out.revoked_by = t.revoked_by;
  return out;
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  const inputDir = path.resolve(process.argv[2] ?? path.join(root, "..", "shared", "attack"));
  const outFile = path.resolve(process.argv[3] ?? path.join(root, "lib", "attack", "data", "enterprise-attack.json"));

  const byId = new Map<string, InTechnique>();
  for (const raw of await readJsonArray(path.join(inputDir, "enterprise-techniques.json"))) {
    const t = technique(raw);
    byId.set(t.id, t); // the input repeats a few revoked ids; identical records collapse here
  }
  const techniques = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, "en"));
  const tactics = (await readJsonArray(path.join(inputDir, "enterprise-tactics.json"))).map(tactic).sort((a, b) => a.order - b.order);

  for (const t of techniques) {
    if (t.revoked_by && !byId.has(t.revoked_by)) fail(`${t.id} revoked_by unknown ${t.revoked_by}`);
  }

  const lines = [
    "{",
    `"version": ${JSON.stringify(ATTACK_VERSION)},`,
    `"source": ${JSON.stringify(SOURCE)},`,
    `"tactics": [`,
    tactics.map((t) => JSON.stringify(t)).join(",\n"),
    "],",
    `"techniques": [`,
    techniques.map((t) => JSON.stringify(compactTechnique(t))).join(",\n"),
    "]",
    "}",
  ];
  await writeFile(outFile, lines.join("\n") + "\n");
  console.log(`build-attack: ${techniques.length} techniques, ${tactics.length} tactics → ${path.relative(process.cwd(), outFile)}`);
}

await main();
