"use client";

import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { ErrorPanel } from "./error-panel";

/**
 * The body of every error.tsx. Query errors thrown from the client arrive intact (AWS name, message,
 * request id); server errors arrive sanitized by Next with only a digest.
 */
export function RouteError({ error, retry, title }: { error: unknown; retry: () => void; title: string }) {
  const { reset } = useQueryErrorResetBoundary();
  return (
    <div className="mx-auto w-full max-w-[90rem] px-4 py-6 md:px-8 md:py-8">
      <ErrorPanel
        error={error}
        title={title}
        onRetry={() => {
          // Let failed queries fetch again when the segment re-renders, then re-render it.
          reset();
          retry();
        }}
      />
    </div>
  );
}
