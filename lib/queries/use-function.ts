"use client";

import { useQuery } from "@tanstack/react-query";
import { functionOptions } from "./functions";

/**
 * The function a page is about. Without data the failure belongs to the route's error boundary (it
 * arrives with the AWS error name and request id); a failed background refetch keeps what is shown.
 */
export function useFunction(name: string) {
  return useQuery({ ...functionOptions(name), throwOnError: (_error, query) => query.state.data === undefined });
}
