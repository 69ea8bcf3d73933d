/**
 * CloudWatch Logs on the emulator's port: the JSON protocol (awsJson1_1) with `X-Amz-Target:
 * Logs_20140328.<Action>`, SigV4 signing name `logs`. What `aws logs tail`, `filter-log-events` and the
 * console's Logs path read. See README.md here.
 */
import type { EmulatorContext } from "../context";
import type { JsonProtocolService } from "../server";
import { logsActions } from "./api";
import { LogStore } from "./store";

const stores = new WeakMap<EmulatorContext, LogStore>();

function storeOf(ctx: EmulatorContext): LogStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new LogStore(ctx.db, ctx.runtime.records);
    stores.set(ctx, store);
  }
  return store;
}

export const logsService: JsonProtocolService = {
  targetPrefix: "Logs_20140328.",
  signingName: "logs",
  actions: Object.fromEntries(
    Object.entries(logsActions).map(([name, action]) => [
      name,
      (input: Record<string, unknown>, ctx: EmulatorContext) => action(input, ctx, storeOf(ctx)),
    ]),
  ),
};
