/**
 * Contract-test harness: a real emulator on a free port with its own temp data dir, and a real
 * @aws-sdk/client-lambda client signed with the emulator's credentials. Each test file owns its emulator.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LambdaClient, waitUntilFunctionActiveV2, waitUntilFunctionUpdatedV2 } from "@aws-sdk/client-lambda";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { writeZip } from "../../emulator/zip";

export const ROLE = "arn:aws:iam::000000000000:role/lambda-test";

export interface TestEmulator {
  emulator: Emulator;
  client: LambdaClient;
  dataDir: string;
  /** Stops the emulator; the data dir stays until `dispose` (restart tests reopen it). */
  stop(): Promise<void>;
  /** Starts a new emulator on the same data dir (persistence tests). */
  restart(): Promise<TestEmulator>;
  dispose(): Promise<void>;
}

export function clientFor(url: string, credentials = { accessKeyId: "test", secretAccessKey: "test" }): LambdaClient {
  return new LambdaClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: 1 });
}

export async function startEmulator(options: EmulatorOptions = {}, dataDir?: string): Promise<TestEmulator> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "lambda-emu-test-"));
  const emulator = await createEmulator({ port: 0, seedDemo: false, ...options, dataDir: dir });
  const client = clientFor(emulator.url);
  const self: TestEmulator = {
    emulator,
    client,
    dataDir: dir,
    stop: () => emulator.close(),
    async restart() {
      await emulator.close();
      return startEmulator(options, dir);
    },
    async dispose() {
      client.destroy();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

/** A zip of the given files (path → source). */
export function zipOf(files: Record<string, string>): Uint8Array {
  return writeZip(files);
}

/** A zip holding one Node handler `index.handler` with the given module source. */
export function nodeZip(source: string, file = "index.js"): Uint8Array {
  return writeZip({ [file]: source });
}

export async function waitActive(client: LambdaClient, name: string): Promise<void> {
  await waitUntilFunctionActiveV2({ client, maxWaitTime: 20, minDelay: 1, maxDelay: 1 }, { FunctionName: name });
}

export async function waitUpdated(client: LambdaClient, name: string): Promise<void> {
  await waitUntilFunctionUpdatedV2({ client, maxWaitTime: 20, minDelay: 1, maxDelay: 1 }, { FunctionName: name });
}

/** Runs `fn` and returns the error it throws (fails the test if it does not throw). */
export async function errorOf(
  fn: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
