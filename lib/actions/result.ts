/**
 * What every server action returns. Expected failures (validation, AWS errors) are values, so forms can
 * render them in place; only the unexpected reaches an error boundary.
 */
import type { ConsoleError } from "@/lib/console-error";

export interface ActionError extends ConsoleError {
  /**
   * Messages per form field, keyed by the action input's field name (`memorySize`, `environment`). Keys
   * like `environment.AWS_REGION` point at one environment variable.
   */
  fieldErrors?: Record<string, string>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
