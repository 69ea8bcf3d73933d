/** Every action handler, by action name. Each module owns one resource family. */
import type { HandlerMap } from "./types";
import { functionHandlers } from "./functions";
import { invokeHandlers } from "./invoke";
import { invokeStreamHandlers } from "./invoke-stream";
import { layerHandlers } from "./layers";
import { codeSigningHandlers } from "./code-signing";
import { eventSourceMappingHandlers } from "./event-source-mappings";
import { capacityProviderHandlers } from "./capacity-providers";
import { functionSettingsHandlers } from "./function-settings";
import { accountHandlers } from "./account";
import { durableHandlers } from "./durable";
import { versionHandlers } from "./versions";
import { aliasHandlers } from "./aliases";
import { policyHandlers } from "./policies";
import { tagHandlers } from "./tags";
import { concurrencyHandlers } from "./concurrency";
import { eventInvokeConfigHandlers } from "./event-invoke-configs";
import { functionUrlHandlers } from "./function-urls";

export const handlers: HandlerMap = {
  ...functionHandlers,
  ...invokeHandlers,
  ...invokeStreamHandlers,
  ...layerHandlers,
  ...codeSigningHandlers,
  ...eventSourceMappingHandlers,
  ...capacityProviderHandlers,
  ...functionSettingsHandlers,
  ...accountHandlers,
  ...durableHandlers,
  ...versionHandlers,
  ...aliasHandlers,
  ...policyHandlers,
  ...tagHandlers,
  ...concurrencyHandlers,
  ...eventInvokeConfigHandlers,
  ...functionUrlHandlers,
};
