"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  ActivityIcon,
  CircleCheckIcon,
  CircleXIcon,
  LoaderCircleIcon,
  PlugIcon,
  PlusIcon,
  Trash2Icon,
} from "lucide-react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { RowActionsMenu } from "@/components/common/row-actions-menu";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import type { ConsoleError } from "@/lib/console-error";
import {
  CONNECTION_KIND_LABEL,
  type ConnectionChoices,
  type ConnectionOption,
  type ConnectionSource,
} from "@/lib/connection";
import { useCheckConnection, useDeleteConnection } from "@/lib/queries/connections";
import { AddConnectionDialog } from "./add-connection-dialog";
import { ConnectionDot } from "./connection-dot";
import { useSwitchTo } from "./use-switch-connection";

const SOURCE_LABEL: Record<ConnectionSource, string> = {
  environment: "start-up",
  profile: "AWS profile",
  saved: "saved",
};

type Check = { state: "pending" } | { state: "ok"; latencyMs: number; functionCount?: number } | ConsoleErrorCheck;
type ConsoleErrorCheck = { state: "error"; error: ConsoleError };

function CheckResult({ check }: { check: Check | undefined }) {
  if (!check) return null;
  if (check.state === "pending") {
    return (
      <span className="text-muted-foreground inline-flex items-center gap-1.5 text-xs">
        <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden /> Checking…
      </span>
    );
  }
  if (check.state === "ok") {
    const functions =
      check.functionCount === undefined
        ? ""
        : ` · ${check.functionCount} function${check.functionCount === 1 ? "" : "s"}`;
    return (
      <span role="status" className="text-success inline-flex items-center gap-1.5 text-xs">
        <CircleCheckIcon className="size-3.5" aria-hidden />
        Reachable · {check.latencyMs} ms{functions}
      </span>
    );
  }
  return (
    <span role="status" className="text-destructive inline-flex items-start gap-1.5 text-xs">
      <CircleXIcon className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>
        <span className="font-medium">{check.error.code}</span>: {check.error.message}
      </span>
    </span>
  );
}

/** Every connection the console can use: which is in use, switch, check that one works, add and remove. */
export function ConnectionsPanel({ choices }: { choices: ConnectionChoices }) {
  const router = useRouter();
  const { switchTo, pending: switching } = useSwitchTo();
  const check = useCheckConnection();
  const remove = useDeleteConnection();
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ConnectionOption | undefined>();

  async function runCheck(option: ConnectionOption) {
    setChecks((c) => ({ ...c, [option.id]: { state: "pending" } }));
    const region = option.regionChoice ? option.connection.region : undefined;
    const result = await check.mutateAsync({ id: option.id, ...(region ? { region } : {}) });
    setChecks((c) => ({
      ...c,
      [option.id]: result.ok ? { state: "ok", ...result.data } : { state: "error", error: result.error },
    }));
  }

  async function confirmRemove(option: ConnectionOption) {
    const result = await remove.mutateAsync({ id: option.id });
    if (!result.ok) toast.error(result.error.message);
    else toast.success(`Removed ${option.label}`);
    setRemoving(undefined);
    if (option.id === choices.activeId) window.location.reload();
    else router.refresh();
  }

  return (
    <section aria-labelledby="connections-heading" className="bg-card rounded-lg border">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b px-5 py-3.5">
        <div className="space-y-0.5">
          <h2 id="connections-heading" className="text-sm font-semibold">
            Connections
          </h2>
          <p className="text-muted-foreground text-xs">
            Where the console sends its requests. The choice applies to the whole console and is remembered; the
            header&apos;s connection menu switches too.
          </p>
        </div>
        <Button size="sm" variant="outline" onClick={() => setAdding(true)}>
          <PlusIcon aria-hidden /> Add endpoint
        </Button>
      </div>
      <ul className="divide-y" aria-label="Connections">
        {choices.options.map((option) => {
          const active = option.id === choices.activeId;
          const { connection } = option;
          return (
            <li
              key={option.id}
              aria-label={option.label}
              aria-current={active ? "true" : undefined}
              className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1.5 px-5 py-3 sm:grid-cols-[minmax(0,16rem)_1fr_auto]"
            >
              <div className="flex min-w-0 items-center gap-2.5">
                <ConnectionDot kind={connection.kind} />
                <div className="min-w-0">
                  <div className="flex items-center gap-2">
                    <span className="truncate text-sm font-medium">{option.label}</span>
                    {active ? (
                      <span className="bg-primary/10 text-primary rounded px-1.5 py-px text-[0.6875rem] font-medium">
                        In use
                      </span>
                    ) : null}
                  </div>
                  <div className="text-muted-foreground text-xs">
                    {CONNECTION_KIND_LABEL[connection.kind]} · {SOURCE_LABEL[option.source]}
                  </div>
                </div>
              </div>
              <div className="col-span-2 row-start-2 min-w-0 space-y-1 sm:col-span-1 sm:row-start-auto">
                <div className="text-muted-foreground truncate font-mono text-xs">
                  {connection.endpoint}
                  <span className="text-border mx-1.5">|</span>
                  {connection.region}
                  {connection.profile ? (
                    <>
                      <span className="text-border mx-1.5">|</span>profile {connection.profile}
                    </>
                  ) : null}
                </div>
                <CheckResult check={checks[option.id]} />
              </div>
              <div className="flex items-center justify-end gap-1.5">
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={checks[option.id]?.state === "pending"}
                  onClick={() => void runCheck(option)}
                  aria-label={`Check ${option.label}`}
                >
                  <ActivityIcon aria-hidden /> Check
                </Button>
                {active ? null : (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={switching}
                    onClick={() => void switchTo(option.id)}
                    aria-label={`Use ${option.label}`}
                  >
                    <PlugIcon aria-hidden /> Use
                  </Button>
                )}
                {option.source === "saved" ? (
                  <RowActionsMenu label={`Actions for ${option.label}`} className="w-44">
                    <DropdownMenuItem variant="destructive" onSelect={() => setRemoving(option)}>
                      <Trash2Icon aria-hidden /> Remove
                    </DropdownMenuItem>
                  </RowActionsMenu>
                ) : (
                  <span className="w-7" aria-hidden />
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <AddConnectionDialog open={adding} onOpenChange={setAdding} />
      <ConfirmDialog
        open={removing !== undefined}
        onOpenChange={(open) => !open && setRemoving(undefined)}
        title={`Remove ${removing?.label ?? "connection"}?`}
        description={
          removing?.id === choices.activeId
            ? "It is in use: the console goes back to the start-up connection. Its keys are deleted from this machine."
            : "Its keys are deleted from this machine. Functions at the endpoint are not touched."
        }
        confirmLabel="Remove"
        destructive
        onConfirm={() => removing && void confirmRemove(removing)}
      />
    </section>
  );
}
