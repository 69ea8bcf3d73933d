/** Every action handler, by action name. Each module owns one resource family. */
import type { HandlerMap } from "./types";
import { functionHandlers } from "./functions";
import { versionHandlers } from "./versions";
import { aliasHandlers } from "./aliases";
import { policyHandlers } from "./policies";
import { tagHandlers } from "./tags";
import { concurrencyHandlers } from "./concurrency";
import { eventInvokeConfigHandlers } from "./event-invoke-configs";
import { functionUrlHandlers } from "./function-urls";

export const handlers: HandlerMap = {
  ...functionHandlers,
  ...versionHandlers,
  ...aliasHandlers,
  ...policyHandlers,
  ...tagHandlers,
  ...concurrencyHandlers,
  ...eventInvokeConfigHandlers,
  ...functionUrlHandlers,
};
