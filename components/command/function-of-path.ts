/** The function a console path is about (`/functions/my-fn/code` → `my-fn`), for context-aware commands. */
export function functionOfPath(pathname: string): string | undefined {
  const match = /^\/functions\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
