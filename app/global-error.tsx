"use client";

import "./globals.css";

/** Replaces the root layout when it fails: no shell, no providers, only a way back. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <body className="bg-background text-foreground flex min-h-dvh items-center justify-center p-6 font-sans">
        <div className="max-w-md space-y-3 text-center">
          <h1 className="text-lg font-semibold">The console failed to load</h1>
          <p className="text-muted-foreground text-sm">
            Something went wrong before the page could render.{digest ? ` Reference: ${digest}.` : ""}
          </p>
          <button
            type="button"
            onClick={() => retry()}
            className="bg-primary text-primary-foreground rounded-md px-4 py-2 text-sm font-medium"
          >
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
