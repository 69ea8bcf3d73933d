/**
 * `defineAction(Schema, fn)`: the shape of every write. Input is parsed with the shared zod schema (the
 * same one the form uses), the lib/aws call's AWS errors become values with per-field messages, and
 * anything else is rethrown to reach an error boundary.
 */
import "server-only";
import type { z } from "zod";
import { AwsCallError } from "@/lib/aws/errors";
import type { ActionError, ActionResult } from "./result";
import { fieldErrorsFromAwsMessage } from "./field-errors";

/** Thrown inside an action for an expected failure that is not an AWS error (e.g. a duplicate name in the console store). */
export class ActionFailure extends Error {
  readonly detail: ActionError;
  constructor(detail: ActionError) {
    super(detail.message);
    this.name = detail.code;
    this.detail = detail;
  }
}

function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

export function defineAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      return {
        ok: false,
        error: {
          code: "ValidationError",
          message: Object.values(fieldErrors)[0] ?? "The input is not valid.",
          fieldErrors,
        },
      };
    }
    try {
      return { ok: true, data: await fn(parsed.data) };
    } catch (error) {
      if (error instanceof AwsCallError) {
        const fieldErrors = fieldErrorsFromAwsMessage(error.detail.message);
        return {
          ok: false,
          error: { ...error.detail, ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}) },
        };
      }
      if (error instanceof ActionFailure) return { ok: false, error: error.detail };
      throw error;
    }
  };
}
