import Link from "next/link";
import { WorkflowIcon } from "lucide-react";
import { CopyableCode } from "@/components/common/copyable-code";
import { Button } from "@/components/ui/button";
import { executionKey, parseDurableExecutionArn } from "@/lib/durable-arn";
import { routes } from "@/lib/routes";

/** Under an invoke's result: the durable execution it started, its ARN to copy, and its timeline. */
export function DurableRunLink({ functionName, executionArn }: { functionName: string; executionArn: string }) {
  const ref = parseDurableExecutionArn(executionArn);
  const key = executionKey(executionArn);
  return (
    <div
      role="group"
      aria-label="Durable execution"
      className="bg-card flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border px-4 py-2.5 text-sm"
    >
      <WorkflowIcon className="text-primary size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          Durable execution <span className="font-mono text-[0.8125rem]">{ref?.name ?? ""}</span>
        </p>
        <p className="text-muted-foreground text-xs">
          <CopyableCode value={executionArn} label="execution ARN" />
        </p>
      </div>
      {key ? (
        <Button variant="outline" size="sm" asChild>
          <Link href={routes.durableExecution(functionName, key)}>Open timeline</Link>
        </Button>
      ) : null}
    </div>
  );
}
