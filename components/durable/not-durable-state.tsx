import Link from "next/link";
import { PlusIcon, WorkflowIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";

const SNIPPET = `import { withDurableExecution } from "@aws/durable-execution-sdk-js";

export const handler = withDurableExecution(async (event, context) => {
  const order = await context.step("reserve", async () => reserve(event));
  await context.wait("cool-down", { minutes: 5 });   // no compute while waiting
  const ok = await context.waitForCallback("approval", async (id) => notify(id));
  return context.step("ship", async () => ship(order, ok));
});`;

/** A function without DurableConfig: what durable execution is, and how to get a function that has it. */
export function NotDurableState({ functionName }: { functionName: string }) {
  return (
    <EmptyState
      icon={WorkflowIcon}
      title={`${functionName} is not a durable function`}
      description={
        <div className="space-y-3">
          <p>
            A durable function checkpoints each step, so an execution can wait minutes or months, retry failed steps and
            pause for a callback, then resume where it left off — without paying for compute while it waits.
          </p>
          <p>
            Durable execution is chosen when a function is created (its <code className="font-mono">DurableConfig</code>
            ); an existing function cannot be switched. Create a durable function, then wrap its handler:
          </p>
        </div>
      }
    >
      <div className="w-full max-w-2xl space-y-4">
        <pre className="bg-code overflow-x-auto rounded-md border p-3 text-left font-mono text-xs leading-relaxed">
          {SNIPPET}
        </pre>
        <Button asChild>
          <Link href={routes.functions({ create: "durable" })}>
            <PlusIcon aria-hidden /> Create a durable function
          </Link>
        </Button>
      </div>
    </EmptyState>
  );
}
