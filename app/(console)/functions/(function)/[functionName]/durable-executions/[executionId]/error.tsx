"use client";

import { RouteError } from "@/components/common/route-error";

export default function DurableExecutionError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Could not load this execution" />;
}
