/**
 * An RBA message split into text and `$field$` tokens, so the page can mark the tokens that
 * Splunk fills from result fields.
 */
export type MessagePart = { text: string } | { field: string };

export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const re = /\$([A-Za-z0-9_.:-]+)\$/g;
  let last = 0;
  for (const m of message.matchAll(re)) {
    if (m.index > last) parts.push({ text: message.slice(last, m.index) });
    parts.push({ field: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}
