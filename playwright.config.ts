/**
 * Console end-to-end tests: a fresh emulator (own port, temp data dir, no demo functions) and the
 * production build of the console pointed at it. `npm run test:e2e` builds first.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 9101);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const EMULATOR_DATA = "test-results/e2e-emulator-data";
// The console's own store (saved test events), also fresh per run.
const CONSOLE_DATA = "test-results/e2e-console-data";
// The console's AWS profiles (the machine's own ~/.aws must not leak in): "emulator-profile" routes the
// SDK to the e2e emulator through endpoint_url with its keys, so switching to a profile works offline.
const AWS_FILES = "test-results/e2e-aws";
mkdirSync(AWS_FILES, { recursive: true });
writeFileSync(
  `${AWS_FILES}/config`,
  `[profile emulator-profile]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:${EMULATOR_PORT}\n\n[profile staging]\nregion = eu-west-1\n`,
);
writeFileSync(
  `${AWS_FILES}/credentials`,
  "[emulator-profile]\naws_access_key_id = test\naws_secret_access_key = test\n",
);

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // Emptied on every run, so every run starts with no functions (test-results/ is git-ignored).
      command: `rm -rf ${EMULATOR_DATA} && npx tsx emulator/main.ts`,
      port: EMULATOR_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        LAMBDA_EMULATOR_PORT: String(EMULATOR_PORT),
        LAMBDA_EMULATOR_DATA: EMULATOR_DATA,
        LAMBDA_EMULATOR_DEMO: "0",
      },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `rm -rf ${CONSOLE_DATA} && npx next start -p ${APP_PORT}`,
      url: `http://127.0.0.1:${APP_PORT}/functions`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        LAMBDA_ENDPOINT: `http://127.0.0.1:${EMULATOR_PORT}`,
        AWS_REGION: "us-east-1",
        LAMBDA_CONSOLE_DATA: CONSOLE_DATA,
        AWS_CONFIG_FILE: `${AWS_FILES}/config`,
        AWS_SHARED_CREDENTIALS_FILE: `${AWS_FILES}/credentials`,
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
