"use client";

import { RouteError } from "@/components/common/route-error";

/** Failures of the function layout itself (its header query); tab pages have their own boundaries. */
export default function FunctionPageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Could not load this function" />;
}
