import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./scripts/chromium";

/**
 * e2e in Debian Chromium (never `playwright install`). Two servers: the built-in content on :3100
 * and, when ../shared/security_content exists, the full catalog on :3101.
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
    baseURL: "http://127.0.0.1:3100",
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      command: "npx next start -H 127.0.0.1 -p 3100",
      url: "http://127.0.0.1:3100/about",
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { CONTENT_DIR: "" },
    },
    ...(hasShared
      ? [
          {
            command: "npx next start -H 127.0.0.1 -p 3101",
            url: "http://127.0.0.1:3101/about",
            reuseExistingServer: !process.env.CI,
            timeout: 120_000,
            env: { CONTENT_DIR: sharedCatalog },
          },
        ]
      : []),
  ],
});
