import { connection as dynamicRendering } from "next/server";
import { AppShell } from "@/components/layout/app-shell";
import { currentConnection } from "@/lib/env";

export default async function ConsoleLayout({ children }: LayoutProps<"/">) {
  // The connection comes from the server's environment at request time, never from the build.
  await dynamicRendering();
  return <AppShell connection={currentConnection()}>{children}</AppShell>;
}
