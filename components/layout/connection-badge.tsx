"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { CONNECTION_KIND_LABEL, endpointHost, type Connection } from "@/lib/connection";
import { cn } from "@/lib/utils";

const DOT: Record<Connection["kind"], string> = {
  emulator: "bg-primary",
  aws: "bg-warning",
  endpoint: "bg-muted-foreground",
};

/** Where every action in the console goes, always on screen: real AWS and a local emulator must never be confused. */
export function ConnectionBadge({ connection }: { connection: Connection }) {
  const kind = CONNECTION_KIND_LABEL[connection.kind];
  const host = endpointHost(connection.endpoint);
  const description = `Connected to ${kind} at ${connection.endpoint}, region ${connection.region}${
    connection.account ? `, account ${connection.account}` : ""
  }${connection.profile ? `, profile ${connection.profile}` : ""}`;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label={description}
          className={cn(
            "bg-background hover:bg-accent/60 flex h-8 max-w-[28rem] min-w-0 items-center gap-2 rounded-full border px-3 text-xs whitespace-nowrap transition-colors outline-none",
            "focus-visible:ring-ring/50 focus-visible:ring-[3px]",
          )}
        >
          <span className={cn("size-2 shrink-0 rounded-full", DOT[connection.kind])} aria-hidden />
          <span className="font-medium">{kind}</span>
          <span className="text-muted-foreground hidden truncate font-mono sm:inline">{host}</span>
          <span className="bg-border hidden h-3.5 w-px sm:block" aria-hidden />
          <span className="text-muted-foreground font-mono">{connection.region}</span>
        </button>
      </TooltipTrigger>
      <TooltipContent align="end" className="max-w-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 py-0.5 text-left">
          <dt className="opacity-70">Target</dt>
          <dd>{kind}</dd>
          <dt className="opacity-70">Endpoint</dt>
          <dd className="font-mono break-all">{connection.endpoint}</dd>
          <dt className="opacity-70">Region</dt>
          <dd className="font-mono">{connection.region}</dd>
          {connection.account ? (
            <>
              <dt className="opacity-70">Account</dt>
              <dd className="font-mono">{connection.account}</dd>
            </>
          ) : null}
          {connection.profile ? (
            <>
              <dt className="opacity-70">Profile</dt>
              <dd className="font-mono">{connection.profile}</dd>
            </>
          ) : null}
        </dl>
      </TooltipContent>
    </Tooltip>
  );
}
