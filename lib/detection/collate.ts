/**
 * The order of names and labels in English, as `localeCompare` with the "en" locale gives it.
 *
 * Two costs made this its own module (bench/main-thread.ts, issue 16). Handing a locale to
 * `localeCompare` makes Chromium set up collation on every call: about 6× slower than a collator's
 * `compare` (2,000 names sorted 5 times: 72 against 12 ms). And the first `Intl.Collator` of a page
 * loads ICU's collation data: 13–20 ms in Chromium, four times that on a phone, in the middle of
 * hydrating /stories and /attack. Names in the catalog are printable ASCII, so those are compared
 * here with the collation's own weights for ASCII; anything else goes to one shared collator,
 * created at first need. A property test holds the two to each other. Shipped code orders text only
 * through here (a test says so): the server and the browser then agree whatever their default locale.
 */

/** Printable ASCII in the order of the CLDR root collation ("en" adds nothing), lowercase letters standing for both cases. */
const ASCII_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/** Primary weight of each printable ASCII code (letters without case); -1 outside. */
const PRIMARY = new Int8Array(128).fill(-1);
for (let c = 0x20; c < 0x7f; c++) PRIMARY[c] = ASCII_ORDER.indexOf(String.fromCharCode(c).toLowerCase());

let plain: Intl.Collator | undefined;
let numbered: Intl.Collator | undefined;
let loose: Intl.Collator | undefined;

/**
 * Both strings printable ASCII: the collation's answer (letters first without case, then a
 * lowercase letter before its capital at the first place they differ). Otherwise undefined.
 */
function compareAscii(a: string, b: string): number | undefined {
  const n = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const px = x < 128 ? PRIMARY[x]! : -1;
    const py = y < 128 ? PRIMARY[y]! : -1;
    if (px < 0 || py < 0) return undefined;
    if (px !== py) return px - py;
    if (caseOrder === 0 && x !== y) caseOrder = x > y ? -1 : 1; // 'a' (0x61) before 'A' (0x41)
  }
  const rest = a.length > n ? a : b;
  for (let i = n; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c >= 128 || PRIMARY[c]! < 0) return undefined;
  }
  return a.length - b.length || caseOrder;
}

/** English order (case breaks ties, lowercase first). */
export function compareText(a: string, b: string): number {
  const ascii = compareAscii(a, b);
  if (ascii !== undefined) return ascii;
  plain ??= new Intl.Collator("en");
  return plain.compare(a, b);
}

/** English order with runs of digits compared as numbers (`T2` before `T10`). */
export function compareNumbered(a: string, b: string): number {
  numbered ??= new Intl.Collator("en", { numeric: true });
  return numbered.compare(a, b);
}

/** Numbered English order that ignores case and accents (`t1021` equals `T1021`): the catalog's columns. */
export function compareLoosely(a: string, b: string): number {
  loose ??= new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  return loose.compare(a, b);
}
