"use client";

import { CheckIcon, CircleXIcon, LoaderCircleIcon } from "lucide-react";
import { formatBytes } from "@/components/common/format-bytes";
import { cn } from "@/lib/utils";
import type { DeployPhase } from "./deploy-phase";

const STEPS = [
  { key: "uploading", label: "Upload" },
  { key: "updating", label: "Lambda applies the update" },
  { key: "done", label: "Deployed" },
] as const;

/** Deploy progress: upload (UpdateFunctionCode), then LastUpdateStatus InProgress → Successful. */
export function DeployStatus({ phase }: { phase: DeployPhase }) {
  if (phase.step === "idle") return null;
  const index = phase.step === "failed" ? 1 : STEPS.findIndex((s) => s.key === phase.step);
  return (
    <div
      role="status"
      aria-label="Deploy progress"
      className={cn(
        "flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border px-4 py-2.5 text-sm",
        phase.step === "failed"
          ? "border-destructive/30 bg-danger-soft"
          : phase.step === "done"
            ? "border-success/30 bg-success-soft"
            : "bg-card",
      )}
    >
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {STEPS.map((step, i) => {
          const state =
            phase.step === "failed" && i === 1
              ? "failed"
              : i < index || phase.step === "done"
                ? "done"
                : i === index
                  ? "active"
                  : "todo";
          return (
            <li
              key={step.key}
              className="flex items-center gap-2"
              aria-current={state === "active" ? "step" : undefined}
            >
              {i > 0 ? (
                <span className={cn("h-px w-6", state === "todo" ? "bg-border" : "bg-primary/50")} aria-hidden />
              ) : null}
              <span
                className={cn(
                  "flex size-5 items-center justify-center rounded-full border text-[0.6875rem] font-semibold",
                  state === "done" && "bg-success border-success text-white",
                  state === "active" && "border-primary text-primary",
                  state === "failed" && "bg-destructive border-destructive text-white",
                  state === "todo" && "text-muted-foreground",
                )}
                aria-hidden
              >
                {state === "done" ? (
                  <CheckIcon className="size-3" />
                ) : state === "active" ? (
                  <LoaderCircleIcon className="size-3 animate-spin" />
                ) : state === "failed" ? (
                  <CircleXIcon className="size-3" />
                ) : (
                  i + 1
                )}
              </span>
              <span className={cn(state === "todo" ? "text-muted-foreground" : "font-medium")}>{step.label}</span>
            </li>
          );
        })}
      </ol>
      <p className="text-muted-foreground min-w-0 text-xs">
        {phase.step === "uploading"
          ? `Uploading ${formatBytes(phase.bytes)} with UpdateFunctionCode…`
          : phase.step === "updating"
            ? "LastUpdateStatus is InProgress; the next invoke runs the new code once it is Successful."
            : phase.step === "done"
              ? `Deployed. CodeSha256 ${phase.sha.slice(0, 16)}…`
              : `${phase.code ? `${phase.code}: ` : ""}${phase.reason}`}
      </p>
    </div>
  );
}
