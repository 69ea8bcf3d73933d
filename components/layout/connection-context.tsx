"use client";
/** The connection (emulator, AWS, endpoint), for client components that adapt to it. */
import { createContext, useContext } from "react";
import type { Connection } from "@/lib/connection";

const ConnectionContext = createContext<Connection | undefined>(undefined);

export const ConnectionProvider = ConnectionContext.Provider;

export function useConnection(): Connection | undefined {
  return useContext(ConnectionContext);
}

/**
 * Every connection has invocation pages: the emulator's records, or the function's CloudWatch Logs
 * elsewhere (lib/aws/invocations.ts). Outside the console shell there is no connection to read them from.
 */
export function hasInvocationPages(connection: Connection | undefined): boolean {
  return connection !== undefined;
}
