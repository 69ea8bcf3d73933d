"use client";
/** The connection (emulator, AWS, endpoint), for client components that adapt to it (invocation records). */
import { createContext, useContext } from "react";
import type { Connection } from "@/lib/connection";

const ConnectionContext = createContext<Connection | undefined>(undefined);

export const ConnectionProvider = ConnectionContext.Provider;

export function useConnection(): Connection | undefined {
  return useContext(ConnectionContext);
}

/** Invocation records are an emulator extension; AWS's equivalent is CloudWatch Logs. */
export function hasInvocationRecords(connection: Connection | undefined): boolean {
  return connection?.kind !== "aws";
}
