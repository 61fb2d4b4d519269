import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_OUTPUT_DIR, e2eEnv } from "./e2e/support/constants";

// End to end against the production build (scripts/e2e-server.mjs), in Debian's Chromium.
// The browser comes from the system packages (Debian chromium); Playwright never downloads its own.
export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  outputDir: E2E_OUTPUT_DIR,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous: on a busy 2-core machine the same tests take twice as long as on a quiet one (seen
  // with this tree and the one before it, 40-47 s for the longest), and a timeout is no finding.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    colorScheme: "light",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx scripts/e2e-server.mjs",
    url: `${E2E_BASE_URL}/api/health`,
    env: { ...e2eEnv(), ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}) },
    // A build may run first when none exists.
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
