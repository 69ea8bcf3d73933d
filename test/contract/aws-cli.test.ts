/**
 * Contract: the AWS CLI (botocore's own model, serializer and paginators) against the emulator, for the
 * layer, code-signing, capacity-provider and account calls. Skipped, with the reason printed, when `aws`
 * is not installed.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, zipOf, type TestEmulator } from "../support/emulator";

const probe = spawnSync("aws", ["--version"], { encoding: "utf8" });
const hasCli = probe.status === 0;
if (!hasCli) console.warn("[aws-cli.test] skipped: the `aws` command is not installed (or does not run).");

let t: TestEmulator;
let dir: string;

interface CliResult {
  status: number | null;
  json: unknown;
  stderr: string;
}

/** The caller's environment (the CLI may live behind pyenv shims) minus any AWS_* settings, plus ours. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("AWS_")) delete env[key];
  return Object.assign(env, {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    // Keep the developer's own profiles, config and pager out of the test.
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_PAGER: "",
  });
}

// Asynchronous on purpose: the emulator runs in this process, so a blocking spawn would starve it.
function aws(...args: string[]): Promise<CliResult> {
  const argv = ["--endpoint-url", t.emulator.url, "--region", "us-east-1", "--output", "json", "lambda", ...args];
  return new Promise((resolve) => {
    execFile(
      "aws",
      argv,
      {
        encoding: "utf8",
        timeout: 60_000,
        env: cliEnv(),
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ status, json: stdout.trim() ? (JSON.parse(stdout) as unknown) : undefined, stderr });
      },
    );
  });
}

describe.skipIf(!hasCli)("AWS CLI", () => {
  beforeAll(async () => {
    t = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), "aws-cli-test-"));
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes, lists (across pages) and reads layers, and reports errors by name", { timeout: 120_000 }, async () => {
    const zipPath = join(dir, "layer.zip");
    writeFileSync(zipPath, zipOf({ "nodejs/node_modules/x/index.js": "module.exports = 1;" }));
    for (const name of ["cli-a", "cli-b", "cli-c"]) {
      const r = await aws(
        "publish-layer-version",
        "--layer-name",
        name,
        "--zip-file",
        `fileb://${zipPath}`,
        "--compatible-runtimes",
        "nodejs20.x",
        "--description",
        `layer ${name}`,
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.json).toMatchObject({
        LayerVersionArn: `arn:aws:lambda:us-east-1:000000000000:layer:${name}:1`,
        Version: 1,
      });
    }
    // --page-size 1 makes the CLI follow NextMarker across three pages.
    const listed = await aws("list-layers", "--page-size", "1");
    expect(listed.status, listed.stderr).toBe(0);
    const layers = (listed.json as { Layers: { LayerName: string; LatestMatchingVersion: { Version: number } }[] })
      .Layers;
    expect(layers.map((l) => l.LayerName)).toEqual(["cli-a", "cli-b", "cli-c"]);
    const filtered = await aws("list-layers", "--compatible-runtime", "python3.12");
    expect((filtered.json as { Layers: unknown[] }).Layers).toEqual([]);

    const got = await aws("get-layer-version", "--layer-name", "cli-b", "--version-number", "1");
    expect(got.status, got.stderr).toBe(0);
    expect(got.json).toMatchObject({ Description: "layer cli-b", CompatibleRuntimes: ["nodejs20.x"] });

    const missing = await aws("get-layer-version", "--layer-name", "cli-b", "--version-number", "9");
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("ResourceNotFoundException");
  });

  it("creates and lists code signing configs, and reads account settings", { timeout: 120_000 }, async () => {
    const created = await aws(
      "create-code-signing-config",
      "--allowed-publishers",
      "SigningProfileVersionArns=arn:aws:signer:us-east-1:000000000000:/signing-profiles/P/abc123",
    );
    expect(created.status, created.stderr).toBe(0);
    const arn = (created.json as { CodeSigningConfig: { CodeSigningConfigArn: string } }).CodeSigningConfig
      .CodeSigningConfigArn;
    expect(arn).toMatch(/:code-signing-config:csc-[a-z0-9]{17}$/);
    const listed = await aws("list-code-signing-configs");
    expect(
      (listed.json as { CodeSigningConfigs: { CodeSigningConfigArn: string }[] }).CodeSigningConfigs.map(
        (c) => c.CodeSigningConfigArn,
      ),
    ).toEqual([arn]);

    const account = await aws("get-account-settings");
    expect(account.status, account.stderr).toBe(0);
    expect(account.json).toMatchObject({
      AccountLimit: { ConcurrentExecutions: 1000, CodeSizeZipped: 52428800 },
      AccountUsage: { FunctionCount: 0 },
    });
  });

  it("lists capacity providers and event source mappings", { timeout: 120_000 }, async () => {
    const providers = await aws("list-capacity-providers");
    expect(providers.status, providers.stderr).toBe(0);
    expect(providers.json).toMatchObject({ CapacityProviders: [] });
    const mappings = await aws("list-event-source-mappings");
    expect(mappings.status, mappings.stderr).toBe(0);
    expect(mappings.json).toMatchObject({ EventSourceMappings: [] });
  });
});
