/** The Durable executions tab's filters, kept in the URL (shareable, survive the back button). */
import { DURABLE_EXECUTION_STATUSES, type DurableExecutionStatus } from "@/lib/durable-types";

export interface ExecutionFilters {
  status?: DurableExecutionStatus;
  /** An execution name (the API matches names, not substrings). */
  name?: string;
  /** A version number or alias; absent is $LATEST, as the API has it. */
  qualifier?: string;
}

const QUALIFIER = /^[a-zA-Z0-9$_.-]{1,128}$/;

export function parseExecutionFilters(params: { get(name: string): string | null }): ExecutionFilters {
  const status = params.get("status");
  const name = params.get("name")?.trim();
  const qualifier = params.get("qualifier");
  return {
    ...(qualifier && qualifier !== "$LATEST" && QUALIFIER.test(qualifier) ? { qualifier } : {}),
    ...(status && (DURABLE_EXECUTION_STATUSES as readonly string[]).includes(status)
      ? { status: status as DurableExecutionStatus }
      : {}),
    ...(name ? { name } : {}),
  };
}

export function executionFiltersToSearch(filters: ExecutionFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.name) params.set("name", filters.name);
  if (filters.qualifier) params.set("qualifier", filters.qualifier);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Any execution still running: the list keeps itself fresh until none is. */
export function anyRunning(rows: readonly { Status: string }[]): boolean {
  return rows.some((r) => r.Status === "RUNNING");
}
