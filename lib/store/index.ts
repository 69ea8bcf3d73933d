/** The console store for the current connection: events saved against the emulator stay with it. */
import "server-only";
import { currentConnection } from "@/lib/connection-registry";
import type { Connection } from "@/lib/connection";
import { consoleDb } from "./console-db";
import { testEventStore } from "./test-events";

/**
 * Which Lambda a saved item belongs to. The emulator and a custom endpoint are told apart by URL; AWS by
 * account (or profile, when the account is unknown) and region.
 */
export function connectionScope(connection: Connection): string {
  if (connection.kind === "aws") {
    return `aws:${connection.account ?? `profile:${connection.profile ?? "default"}`}:${connection.region}`;
  }
  return `${connection.kind}:${connection.endpoint}:${connection.account ?? "-"}:${connection.region}`;
}

export function testEvents() {
  return testEventStore(consoleDb(), connectionScope(currentConnection()));
}

export { TestEventError } from "./test-events";
