/**
 * Where absolute links to this console start (the ATT&CK layer's links to analytic pages).
 * Only the operator's `PUBLIC_URL` (http or https) decides it — never request headers: a client
 * sending `X-Forwarded-Proto: javascript` and `X-Forwarded-Host: evil.example` once put
 * `javascript://evil.example/…` links into the exported layer. Unset or invalid: undefined, and
 * the layer has no links (a Navigator layer's link must carry a protocol, so relative links would
 * make it invalid). Pure.
 */
import { checkBaseUrl } from "../catalog/web-url";

export function publicBaseUrl(value: string | undefined): string | undefined {
  const checked = checkBaseUrl(value ?? "");
  return checked.ok ? `${checked.url.origin}${checked.url.pathname}`.replace(/\/+$/, "") : undefined;
}
