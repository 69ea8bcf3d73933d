import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// `server-only` throws outside a React Server environment; the registry itself is plain code.
vi.mock("server-only", () => ({}));

const dir = mkdtempSync(join(tmpdir(), "lc-connections-"));
const saved = { ...process.env };
writeFileSync(
  join(dir, "config"),
  [
    "[default]",
    "region = eu-west-1",
    "[profile dev]",
    "region = us-west-2",
    "[profile local]",
    "endpoint_url = http://127.0.0.1:9999/",
    "",
  ].join("\n"),
);
writeFileSync(join(dir, "credentials"), "[ci]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n");
Object.assign(process.env, {
  LAMBDA_CONSOLE_DATA: join(dir, "data"),
  AWS_CONFIG_FILE: join(dir, "config"),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
  LAMBDA_ENDPOINT: "http://127.0.0.1:9001",
  AWS_REGION: "us-east-1",
});
delete process.env.AWS_PROFILE;

const registry = await import("./connection-registry");
const { consoleDb } = await import("./store/console-db");
const { connectionStore } = await import("./store/connections");

beforeAll(() => {
  consoleDb();
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("connection registry", () => {
  it("offers the start-up connection and every profile, the start-up one active", async () => {
    const choices = await registry.connectionChoices();
    expect(choices.activeId).toBe("environment");
    expect(choices.options.map((o) => [o.id, o.label, o.connection.kind, o.connection.region])).toEqual([
      ["environment", "Local emulator", "emulator", "us-east-1"],
      ["profile:default", "default", "aws", "eu-west-1"],
      ["profile:ci", "ci", "aws", "us-east-1"],
      ["profile:dev", "dev", "aws", "us-west-2"],
      ["profile:local", "local", "emulator", "us-east-1"],
    ]);
    expect(choices.options.find((o) => o.id === "profile:local")?.connection.endpoint).toBe("http://127.0.0.1:9999");
    expect(choices.options.filter((o) => o.regionChoice).map((o) => o.id)).toEqual([
      "profile:default",
      "profile:ci",
      "profile:dev",
    ]);
  });

  it("switches to a profile, in its region or one the user picks, and remembers it", async () => {
    await registry.chooseConnection("profile:dev");
    expect(registry.serverConfig()).toEqual({
      connection: {
        kind: "aws",
        endpoint: "https://lambda.us-west-2.amazonaws.com",
        region: "us-west-2",
        profile: "dev",
      },
    });
    await registry.chooseConnection("profile:dev", "eu-central-1");
    expect(registry.currentConnection().region).toBe("eu-central-1");
    expect(registry.activeConnectionId()).toBe("profile:dev");
    // The listing shows the region in use for the active profile.
    const dev = (await registry.connectionChoices()).options.find((o) => o.id === "profile:dev");
    expect(dev?.connection.region).toBe("eu-central-1");
  });

  it("uses a saved endpoint with its own keys, and falls back when it is removed", async () => {
    const store = connectionStore(consoleDb());
    const endpoint = store.create({
      label: "LocalStack",
      endpoint: "http://localhost:4566",
      region: "eu-west-2",
      accessKeyId: "ls",
      secretAccessKey: "ls-secret",
    });
    const connection = await registry.chooseConnection(`saved:${endpoint.id}`);
    expect(connection).toMatchObject({ kind: "emulator", endpoint: "http://localhost:4566", region: "eu-west-2" });
    expect(registry.serverConfig().credentials).toEqual({ accessKeyId: "ls", secretAccessKey: "ls-secret" });
    store.delete(endpoint.id);
    expect(registry.activeConnectionId()).toBe("environment");
    expect(registry.currentConnection().endpoint).toBe("http://127.0.0.1:9001");
  });

  it("takes a saved endpoint's kind when the user said it, over the guess from its address", async () => {
    const store = connectionStore(consoleDb());
    const localstack = store.create({
      label: "LocalStack on localhost",
      endpoint: "http://localhost:4566",
      region: "us-east-1",
      accessKeyId: "test",
      secretAccessKey: "test",
      kind: "endpoint",
    });
    expect(store.get(localstack.id)?.kind).toBe("endpoint");
    const connection = await registry.chooseConnection(`saved:${localstack.id}`);
    expect(connection).toMatchObject({ kind: "endpoint", endpoint: "http://localhost:4566" });
    expect(registry.serverConfig().connection.kind).toBe("endpoint");
    const listed = (await registry.connectionChoices()).options.find((o) => o.id === `saved:${localstack.id}`);
    expect(listed?.connection.kind).toBe("endpoint");
  });

  it("refuses connections that do not exist and goes back to the start-up one on request", async () => {
    expect(await registry.chooseConnection("profile:nope")).toBeUndefined();
    expect(await registry.chooseConnection("saved:00000000-0000-0000-0000-000000000000")).toBeUndefined();
    await registry.chooseConnection("profile:ci");
    expect(registry.activeConnectionId()).toBe("profile:ci");
    await registry.chooseConnection("environment");
    expect(registry.activeConnectionId()).toBe("environment");
  });

  it("ignores a choice made while the console started differently (another endpoint or profile)", async () => {
    await registry.chooseConnection("profile:dev");
    expect(registry.activeConnectionId()).toBe("profile:dev");
    const store = connectionStore(consoleDb());
    const choice = JSON.parse(store.getSetting("connection.active") ?? "{}") as Record<string, unknown>;
    store.setSetting("connection.active", JSON.stringify({ ...choice, startup: '["aws","x","eu-west-1","prod"]' }));
    expect(registry.activeConnectionId()).toBe("environment");
    expect(registry.currentConnection().endpoint).toBe("http://127.0.0.1:9001");
  });
});
