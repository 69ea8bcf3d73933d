/** Every action handler, by action name. Each module owns one resource family. */
import type { HandlerMap } from "./types";
import { functionHandlers } from "./functions";

export const handlers: HandlerMap = {
  ...functionHandlers,
};
