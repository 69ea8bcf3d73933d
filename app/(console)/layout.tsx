import { connection as dynamicRendering } from "next/server";
import { AppShell } from "@/components/layout/app-shell";
import { connectionChoices, currentConnection } from "@/lib/connection-registry";

export default async function ConsoleLayout({ children }: LayoutProps<"/">) {
  // The connection is chosen at request time (environment or the console's own choice), never at build.
  await dynamicRendering();
  return (
    <AppShell connection={currentConnection()} choices={await connectionChoices()}>
      {children}
    </AppShell>
  );
}
