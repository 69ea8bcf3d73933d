/**
 * Asynchronous invocation configs (retries, event age, destinations) per function, version or alias.
 * The async invoke path reads them with `eventInvokeConfigFor` under the qualifier the caller invoked
 * ($LATEST for an unqualified invoke) and falls back to the service's defaults.
 */
import type { EmulatorContext } from "../context";
import { KIND } from "../store/kinds";
import { qualifierKey } from "./qualifiers";

/** KIND.eventInvokeConfig, key `${fn}:${qualifier}` ($LATEST when none), parent fn — as the API returns it. */
export interface EventInvokeConfigDoc {
  /** Always qualified: `…:function:fn:$LATEST`, `…:fn:1` or `…:fn:alias`. */
  FunctionArn: string;
  /** Epoch seconds (the wire format of this timestamp). */
  LastModified: number;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  /** Both members always present; an unset destination is `{}`. */
  DestinationConfig: { OnSuccess: { Destination?: string }; OnFailure: { Destination?: string } };
}

/** What the service does when no config (or no value) is set: 2 retries, events kept 6 hours. */
export const ASYNC_DEFAULTS = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21_600 } as const;

export function eventInvokeConfigFor(
  ctx: EmulatorContext,
  name: string,
  qualifier?: string | null,
): EventInvokeConfigDoc | undefined {
  return ctx.resources.get<EventInvokeConfigDoc>(KIND.eventInvokeConfig, qualifierKey(name, qualifier));
}

/** The qualifier a config belongs to (the last segment of its FunctionArn). */
export const qualifierOfConfig = (doc: EventInvokeConfigDoc): string =>
  doc.FunctionArn.slice(doc.FunctionArn.lastIndexOf(":") + 1);
