/**
 * What the loader reads of a content folder, as numbers pages can print (pure; browser-safe).
 * lib/content/safe-fs.ts and parse-yaml.ts enforce them; /problems and the README state them.
 */

/** Largest content YAML read: 7× the largest file in ESCU 4.42 (73 KB, a data source). */
export const MAX_YAML_BYTES = 512 * 1024;
/** Folder levels below a listed folder (ESCU uses 2: `detections/<domain>/x.yml`). */
export const MAX_DEPTH = 12;
/** Files listed per top-level folder (ESCU 4.42 has 1,711 detections). */
export const MAX_FILES = 20_000;
/** Problems listed per file; the rest are counted in one last line. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** Human size: `512 KB`, `50.0 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The content folder's name as pages, exports and problems show it: its last path segment. */
export function folderName(dir: string): string {
  const parts = dir.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
  return parts.at(-1) ?? "content";
}
