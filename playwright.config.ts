import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./scripts/chromium";
import { E2E_PORT, E2E_SPLUNK_URL } from "./e2e/servers";

/**
 * e2e in Debian Chromium (never `playwright install`). Two servers: the built-in content on
 * :E2E_PORT (default 3100) and, when ../shared/security_content exists, the full catalog on the next port.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const sharedCatalog = resolve(import.meta.dirname, "../shared/security_content");
const hasShared = existsSync(sharedCatalog);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      command: `npx next start -H 127.0.0.1 -p ${E2E_PORT}`,
      url: `http://127.0.0.1:${E2E_PORT}/about`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // The operator's public URL: the ATT&CK layer's links are absolute under it (none without it).
      // SPLUNK_URL: "Open in Splunk" links point there (e2e/exports.spec.ts); the full catalog runs without one.
      env: { CONTENT_DIR: "", PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`, SPLUNK_URL: E2E_SPLUNK_URL },
    },
    ...(hasShared
      ? [
          {
            command: `npx next start -H 127.0.0.1 -p ${E2E_PORT + 1}`,
            url: `http://127.0.0.1:${E2E_PORT + 1}/about`,
            reuseExistingServer: !process.env.CI,
            timeout: 120_000,
            env: { CONTENT_DIR: sharedCatalog },
          },
        ]
      : []),
  ],
});
