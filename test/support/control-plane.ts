/**
 * Helpers for the control-plane contract tests: functions with published versions, and polling for a
 * state the emulator reaches asynchronously (never a fixed sleep).
 */
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { nodeZip, ROLE } from "./emulator";

export async function createFunction(client: LambdaClient, name: string): Promise<string> {
  const created = await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: ROLE,
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Code: { ZipFile: nodeZip("exports.handler = async (e) => e;") },
    }),
  );
  await settled(client, name);
  if (!created.FunctionArn) throw new Error("CreateFunction answered without a FunctionArn");
  return created.FunctionArn;
}

/** Changes $LATEST (its description) and publishes it; returns the new version number. */
export async function publishNewVersion(client: LambdaClient, name: string, description: string): Promise<string> {
  await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: description }));
  await settled(client, name);
  const published = await client.send(new PublishVersionCommand({ FunctionName: name }));
  if (!published.Version) throw new Error("PublishVersion answered without a Version");
  return published.Version;
}

/**
 * Waits until $LATEST is Active with its last update Successful. Like the SDK's waiters, but polling
 * every few milliseconds instead of every second, as the emulator settles within a tick.
 */
export async function settled(client: LambdaClient, name: string): Promise<void> {
  await eventually(
    () => client.send(new GetFunctionConfigurationCommand({ FunctionName: name })),
    (c) => c.State === "Active" && c.LastUpdateStatus === "Successful",
  );
}

/** Polls `read` until `done` holds (or fails after `timeoutMs`), returning the last value read. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not reached in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every page of a Marker/NextMarker list, calling `between` after each page (to insert items mid-paging). */
export async function allPages<T>(
  fetch: (marker: string | undefined) => Promise<{ items: T[]; next?: string }>,
  between?: (pageIndex: number) => Promise<void>,
): Promise<T[][]> {
  const pages: T[][] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    pages.push(page.items);
    marker = page.next;
    if (marker && between) await between(pages.length - 1);
  } while (marker);
  return pages;
}
