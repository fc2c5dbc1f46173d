import { defineConfig } from "@playwright/test";

// Browser tests run against the built app, served as `npm start` serves it (scripts/serve.mjs,
// with the background worker beside it, as in production),
// on a freshly migrated and seeded database, which `npm test` (scripts/test.mjs) prepares and
// passes in E2E_DATABASE_URL. Set E2E_BASE_URL to point them at a server you already run instead.
const port = Number(process.env.E2E_PORT ?? 3100);
// Auth.js builds its URLs with localhost (not 127.0.0.1): browse the same host.
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

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
        command: `node scripts/serve.mjs --port ${port}`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 90_000,
        stdout: "ignore",
        stderr: "pipe",
        env: {
          DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
          AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef",
          // The keys the e2e database was sealed with (scripts/test.mjs makes them per run).
          PII_KEYS: process.env.PII_KEYS ?? "",
          PII_ACTIVE_KEY: process.env.PII_ACTIVE_KEY ?? "",
          PII_INDEX_KEY: process.env.PII_INDEX_KEY ?? "",
          NEXT_TELEMETRY_DISABLED: "1",
          LOG_LEVEL: "warn",
        },
      },
});
