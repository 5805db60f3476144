/**
 * The one check for a URL the content supplies (references, `tests[].attack_data[].data`): it
 * becomes a link only when it is an absolute http or https URL; anything else (`data:`,
 * `javascript:`, `file:`, a relative path) is shown as text. Pure; browser-safe.
 */
export function webUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one check for a base address the operator gives (PUBLIC_URL, SPLUNK_URL, the Splunk
 * setting): a whole http or https URL with a host and no user name or password. The parsed URL
 * when it passes, else why not (for the page to say).
 */
export function checkBaseUrl(input: string): { ok: true; url: URL } | { ok: false; reason: string } {
  const text = input.trim();
  if (text === "") return { ok: false, reason: "empty" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "not a URL (write it whole, e.g. https://splunk.example.com:8000)" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: `only http and https are allowed, not ${url.protocol.replace(/:$/, "")}` };
  if (url.username !== "" || url.password !== "") return { ok: false, reason: "no user name or password in the URL: Splunk asks you to sign in" };
  if (url.hostname === "") return { ok: false, reason: "no host" };
  return { ok: true, url };
}
