import { describe, expect, it, vi } from "vitest";

// `server-only` throws outside a React Server environment; the config logic itself is plain code.
vi.mock("server-only", () => ({}));
const { configFromEnv } = await import("./env");

describe("configFromEnv", () => {
  it("defaults to the embedded emulator with test credentials", () => {
    expect(configFromEnv({})).toEqual({
      connection: { kind: "emulator", endpoint: "http://127.0.0.1:9001", region: "us-east-1", account: "000000000000" },
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
  });
  it("talks to AWS with a profile when no endpoint is set", () => {
    const config = configFromEnv({ AWS_PROFILE: "dev", AWS_REGION: "eu-west-1" });
    expect(config.connection).toEqual({
      kind: "aws",
      endpoint: "https://lambda.eu-west-1.amazonaws.com",
      region: "eu-west-1",
      profile: "dev",
    });
    expect(config.credentials).toBeUndefined();
  });
  it("treats a loopback endpoint as the emulator and others as custom endpoints", () => {
    expect(configFromEnv({ LAMBDA_ENDPOINT: "http://127.0.0.1:9101/" }).connection).toMatchObject({
      kind: "emulator",
      endpoint: "http://127.0.0.1:9101",
    });
    expect(configFromEnv({ LAMBDA_ENDPOINT: "https://lambda.example.com" }).connection.kind).toBe("endpoint");
    expect(
      configFromEnv({ LAMBDA_ENDPOINT: "http://localhost:4566", LAMBDA_CONNECTION_KIND: "endpoint" }).connection.kind,
    ).toBe("endpoint");
  });
  it("an explicit endpoint wins over a profile", () => {
    expect(configFromEnv({ LAMBDA_ENDPOINT: "http://127.0.0.1:9001", AWS_PROFILE: "dev" }).connection.kind).toBe(
      "emulator",
    );
  });
  it("rejects a malformed environment with a readable message", () => {
    expect(() => configFromEnv({ LAMBDA_ENDPOINT: "not a url" })).toThrow(/LAMBDA_ENDPOINT/);
  });
  it("ignores blank values", () => {
    expect(configFromEnv({ LAMBDA_ENDPOINT: "", AWS_PROFILE: " " }).connection.kind).toBe("emulator");
  });
});
