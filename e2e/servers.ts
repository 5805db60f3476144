/**
 * Where the e2e servers listen. `E2E_PORT` (default 3100) is the built-in content's port and the
 * next one serves the full catalog (when ../shared/security_content exists), so two checkouts can
 * run their suites side by side.
 */
export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
export const BUILT_IN_URL = `http://127.0.0.1:${E2E_PORT}`;
export const FULL_URL = process.env.E2E_SHARED_URL ?? `http://127.0.0.1:${E2E_PORT + 1}`;
/** The Splunk Web address the built-in content's server is started with (SPLUNK_URL): never contacted. */
export const E2E_SPLUNK_URL = "https://splunk.example.com:8000";
