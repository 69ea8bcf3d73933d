import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { listFunctions } from "@/lib/aws/functions";
import { defaultRoleFor } from "@/lib/connection";
import { currentConnection } from "@/lib/connection-registry";
import { CURRENT_RUNTIMES } from "@/lib/lambda-model/runtimes";
import { functionsListOptions } from "@/lib/queries/functions";
import { FunctionsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Functions" };

/** On the emulator, default to the Node the machine runs, so a new function runs without a download. */
function defaultRuntime(kind: string): string {
  const host = `nodejs${process.versions.node.split(".")[0]}.x`;
  return kind !== "aws" && (CURRENT_RUNTIMES as readonly string[]).includes(host) ? host : "nodejs22.x";
}

export default async function FunctionsPage({ searchParams }: PageProps<"/functions">) {
  const { q, create } = await searchParams;
  const connection = currentConnection();
  const queryClient = new QueryClient();
  // A failed prefetch is not cached; the client then fetches itself and shows the error with its request id.
  await queryClient.prefetchInfiniteQuery({
    ...functionsListOptions(),
    queryFn: ({ pageParam }) => listFunctions(pageParam ? { marker: pageParam } : {}),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FunctionsPageClient
        initialQuery={typeof q === "string" ? q : ""}
        initialCreate={create === "1" || create === "durable"}
        initialCreateDurable={create === "durable"}
        region={connection.region}
        createDefaults={{
          runtime: defaultRuntime(connection.kind),
          role: defaultRoleFor(connection),
          roleRequired: connection.kind === "aws",
        }}
      />
    </HydrationBoundary>
  );
}
