/** Fills a risk message's `$field$` tokens from one result row (pure, browser-safe). */

export type RowValue = string | number | string[];

export interface MessagePart {
  text: string;
  /** Set on parts that came from a `$field$` token. */
  field?: string;
  /** True when the row has no value for `field`; the token is left visible as `$field$`. */
  missing?: boolean;
}

export interface RenderOptions {
  /**
   * Separator for multivalue fields. Default "\n": values one per line, as a multivalue field
   * prints in Splunk's results. Which separator ES's risk action uses inside `risk_message` could not
   * be confirmed from the documentation, so it is configurable.
   */
  mvSeparator?: string;
}

const TOKEN = /\$([A-Za-z0-9_.:\-{}]+)\$/g;

function valueOf(v: RowValue | undefined, sep: string): string | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.join(sep);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  return v === "" ? undefined : v;
}

/**
 * Replaces each `$field$` with the row's value. Missing or empty fields stay visible as `$field$`
 * and are flagged `missing`. A lone `$` (no closing token) is plain text. Field names match exactly.
 */
export function renderRiskMessage(
  message: string,
  row: Record<string, RowValue>,
  options: RenderOptions = {},
): { text: string; parts: MessagePart[] } {
  const sep = options.mvSeparator ?? "\n";
  const parts: MessagePart[] = [];
  let last = 0;
  const src = typeof message === "string" ? message : "";
  for (const m of src.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: src.slice(last, at) });
    const field = m[1] ?? "";
    const value = Object.prototype.hasOwnProperty.call(row, field) ? valueOf(row[field], sep) : undefined;
    parts.push(value === undefined ? { text: m[0], field, missing: true } : { text: value, field });
    last = at + m[0].length;
  }
  if (last < src.length) parts.push({ text: src.slice(last) });
  return { text: parts.map((p) => p.text).join(""), parts };
}

/**
 * A message as text and `$field$` tokens (each token part carries its `field`), for showing where
 * Splunk fills in result fields. The same tokenizer as renderRiskMessage.
 */
export function messageParts(message: string): MessagePart[] {
  return renderRiskMessage(message, {}).parts;
}

/** The `$field$` names a message refers to, in order, without duplicates. */
export function messageFields(message: string): string[] {
  return [...new Set([...message.matchAll(TOKEN)].map((m) => m[1] ?? ""))];
}
