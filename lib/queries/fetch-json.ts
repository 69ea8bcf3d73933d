/** Client fetcher for the app's GET route handlers: JSON on success, an `ApiError` with the AWS detail otherwise. */
import { ApiError, type ConsoleError } from "@/lib/console-error";

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (error) {
    throw new ApiError({
      code: "NetworkError",
      message: `The console server did not answer (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const detail = (body as { error?: ConsoleError } | undefined)?.error;
    throw new ApiError(
      detail ?? {
        code: `Http${response.status}`,
        message: response.statusText || "Request failed",
        status: response.status,
      },
    );
  }
  return body as T;
}

/** Client fetcher for binary route handlers (the code zip): bytes on success, an `ApiError` otherwise. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ApiError({
      code: "NetworkError",
      message: `The console server did not answer (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const detail = (body as { error?: ConsoleError } | undefined)?.error;
    throw new ApiError(
      detail ?? {
        code: `Http${response.status}`,
        message: response.statusText || "Request failed",
        status: response.status,
      },
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}
