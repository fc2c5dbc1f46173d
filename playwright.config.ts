import { defineConfig } from "@playwright/test";
import { appServerEnv, E2E_BASE_URL, E2E_PORT, SERVE_SCRIPT } from "./tests/e2e/app-server";

// Browser tests run against the built app, served as `npm start` serves it (scripts/serve.mjs,
// with the background worker beside it, as in production),
// on a freshly migrated and seeded database, which `npm test` (scripts/test.mjs) prepares and
// passes in E2E_DATABASE_URL. Set E2E_BASE_URL to point them at a server you already run instead.
// (tests/e2e/two-instances.spec.ts starts a second instance on the next port.)
const port = E2E_PORT;
const baseURL = E2E_BASE_URL;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  forbidOnly: true,
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright cannot download its own browsers here: use Debian's Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node ${SERVE_SCRIPT} --port ${port}`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 90_000,
        stdout: "ignore",
        stderr: "pipe",
        env: appServerEnv(),
      },
});
