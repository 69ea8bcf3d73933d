"use client";

import Link from "next/link";
import { ChevronDownIcon, GlobeIcon, LoaderCircleIcon, SettingsIcon } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { endpointHost, LAMBDA_REGIONS, type ConnectionChoices, type ConnectionOption } from "@/lib/connection";
import { cn } from "@/lib/utils";
import { ConnectionDot } from "./connection-dot";
import { useSwitchTo } from "./use-switch-connection";

function detailOf(option: ConnectionOption): string {
  const { connection } = option;
  return connection.kind === "aws" ? connection.region : endpointHost(connection.endpoint);
}

/**
 * Where every action in the console goes, always on screen — real AWS and a local emulator must never be
 * confused — and the place to switch: any connection, and the region of an AWS one.
 */
export function ConnectionMenu({ choices }: { choices: ConnectionChoices }) {
  const { switchTo, pending } = useSwitchTo();
  const active = choices.options.find((o) => o.id === choices.activeId) ?? choices.options[0];
  if (!active) return null;
  const { connection } = active;
  const host = endpointHost(connection.endpoint);
  const groups: [string, ConnectionOption[]][] = [
    ["Start-up", choices.options.filter((o) => o.source === "environment")],
    ["AWS profiles", choices.options.filter((o) => o.source === "profile")],
    ["Saved endpoints", choices.options.filter((o) => o.source === "saved")],
  ];

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button
          type="button"
          aria-label={`Connection: ${active.label}, ${connection.endpoint}, region ${connection.region}. Change connection`}
          disabled={pending}
          className={cn(
            "bg-background hover:bg-accent/60 flex h-8 max-w-[30rem] min-w-0 items-center gap-2 rounded-full border px-3 text-xs whitespace-nowrap transition-colors outline-none",
            "focus-visible:ring-ring/50 data-[state=open]:bg-accent/60 focus-visible:ring-[3px]",
          )}
        >
          {pending ? (
            <LoaderCircleIcon className="size-3 shrink-0 animate-spin" aria-hidden />
          ) : (
            <ConnectionDot kind={connection.kind} />
          )}
          <span className="truncate font-medium">{active.label}</span>
          {connection.kind !== "aws" ? (
            <span className="text-muted-foreground hidden truncate font-mono sm:inline">{host}</span>
          ) : null}
          <span className="bg-border hidden h-3.5 w-px sm:block" aria-hidden />
          <span className="text-muted-foreground font-mono">{connection.region}</span>
          <ChevronDownIcon className="text-muted-foreground size-3.5 shrink-0" aria-hidden />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuRadioGroup
          value={choices.activeId}
          onValueChange={(id) => {
            if (id !== choices.activeId) void switchTo(id);
          }}
        >
          {groups.map(([title, options]) =>
            options.length === 0 ? null : (
              <div key={title} role="group" aria-label={title}>
                <DropdownMenuLabel className="text-muted-foreground text-xs font-normal">{title}</DropdownMenuLabel>
                {options.map((option) => (
                  <DropdownMenuRadioItem key={option.id} value={option.id} className="gap-2">
                    <ConnectionDot kind={option.connection.kind} />
                    <span className="min-w-0 flex-1 truncate">{option.label}</span>
                    <span className="text-muted-foreground max-w-[9rem] truncate font-mono text-xs">
                      {detailOf(option)}
                    </span>
                  </DropdownMenuRadioItem>
                ))}
              </div>
            ),
          )}
        </DropdownMenuRadioGroup>
        {active.regionChoice ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuSub>
              <DropdownMenuSubTrigger className="gap-2">
                <GlobeIcon className="size-4" aria-hidden />
                <span className="flex-1">Region</span>
                <span className="text-muted-foreground font-mono text-xs">{connection.region}</span>
              </DropdownMenuSubTrigger>
              <DropdownMenuSubContent className="max-h-80 w-48 overflow-y-auto">
                <DropdownMenuRadioGroup
                  value={connection.region}
                  onValueChange={(region) => {
                    if (region !== connection.region) void switchTo(active.id, region);
                  }}
                >
                  {LAMBDA_REGIONS.map((region) => (
                    <DropdownMenuRadioItem key={region} value={region} className="font-mono text-xs">
                      {region}
                    </DropdownMenuRadioItem>
                  ))}
                </DropdownMenuRadioGroup>
              </DropdownMenuSubContent>
            </DropdownMenuSub>
          </>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <SettingsIcon aria-hidden />
            Manage connections…
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
