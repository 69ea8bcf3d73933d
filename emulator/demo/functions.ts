/** The demo functions' code. Each shows one thing a Lambda developer does every day. */
import { spawnSync } from "node:child_process";
import type { Runtime } from "@aws-sdk/client-lambda";

export interface DemoFunction {
  name: string;
  runtime: Runtime;
  handler: string;
  description: string;
  files: Record<string, string>;
  memorySize?: number;
  timeout?: number;
  environment?: Record<string, string>;
  /** Makes it a durable function (Invoke starts a durable execution). */
  durableConfig?: { ExecutionTimeout: number; RetentionPeriodInDays: number };
}

/** nodejs<host major>.x when Lambda has that runtime, so demos run without downloading a Node build. */
export function hostNodeRuntime(): Runtime {
  const major = Number(process.versions.node.split(".")[0]);
  return ([20, 22, 24].includes(major) ? `nodejs${major}.x` : "nodejs22.x") as Runtime;
}

/**
 * python3.<host minor> when the host has a Python 3, so the demo runs without a version warning.
 * Synchronous, but only called when seeding a fresh data dir.
 */
export function hostPythonRuntime(): Runtime {
  const found = spawnSync("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
    encoding: "utf8",
    timeout: 5_000,
  });
  const minor = found.status === 0 ? found.stdout.trim() : "";
  return (/^3\.\d+$/.test(minor) ? `python${minor}` : "python3.12") as Runtime;
}

export function demoFunctions(): DemoFunction[] {
  const node = hostNodeRuntime();
  return [
    {
      name: "hello-world",
      runtime: node,
      handler: "index.handler",
      description: "Greets whoever the event names; logs the event it got.",
      environment: { GREETING: "Hello" },
      files: {
        "index.mjs": `export const handler = async (event, context) => {
  console.log("event", JSON.stringify(event));
  const name = event?.name ?? "world";
  return {
    statusCode: 200,
    body: \`\${process.env.GREETING ?? "Hello"}, \${name}!\`,
    requestId: context.awsRequestId,
  };
};
`,
      },
    },
    {
      name: "order-total",
      runtime: node,
      handler: "src/orders.total",
      description: "CommonJS handler in a subfolder: sums an order's lines, rejects bad input.",
      timeout: 5,
      files: {
        "src/orders.js": `// Keeps a count across invocations: warm environments keep module state.
let invocations = 0;

exports.total = async (event) => {
  invocations += 1;
  const lines = event?.lines;
  if (!Array.isArray(lines)) {
    throw new TypeError("event.lines must be an array of { price, quantity }");
  }
  const total = lines.reduce((sum, l) => sum + Number(l.price) * Number(l.quantity), 0);
  console.info(\`order of \${lines.length} lines totals \${total.toFixed(2)}\`);
  return { total: Math.round(total * 100) / 100, currency: event.currency ?? "EUR", warmInvocations: invocations };
};
`,
      },
    },
    {
      name: "python-hello",
      runtime: hostPythonRuntime(),
      handler: "lambda_function.lambda_handler",
      description: "Python: greets the caller, logs with the logging module, reports its context.",
      files: {
        "lambda_function.py": `import json
import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def lambda_handler(event, context):
    name = (event or {}).get("name", "world")
    logger.info("greeting %s", name)
    return {
        "statusCode": 200,
        "body": json.dumps({"message": f"Hello, {name}!"}),
        "requestId": context.aws_request_id,
        "remainingMs": context.get_remaining_time_in_millis(),
    }
`,
      },
    },
    {
      name: "order-workflow",
      // Lambda's durable functions run on nodejs22.x and later, whose runtime includes the durable SDK.
      runtime: "nodejs22.x",
      handler: "index.handler",
      description:
        "Durable function: an order workflow with named steps, a retried payment, a parallel shipment, a wait and a manager approval.",
      timeout: 30,
      durableConfig: { ExecutionTimeout: 900, RetentionPeriodInDays: 7 },
      files: { "index.mjs": ORDER_WORKFLOW },
    },
  ];
}

/**
 * The durable demo. Start it with Invoke (InvocationType Event shows it running): it waits 30 s for a
 * manager's approval, which SendDurableExecutionCallbackSuccess gives with the CallbackId of the
 * "manager-approval" callback (in the execution's history); without one it goes on as auto-approved.
 */
const ORDER_WORKFLOW = `import { withDurableExecution } from "@aws/durable-execution-sdk-js";

export const handler = withDurableExecution(async (event, context) => {
  const orderId = event?.orderId ?? "order-1001";
  const items = event?.items ?? [
    { sku: "book", quantity: 2, price: 12.5 },
    { sku: "lamp", quantity: 1, price: 39 },
  ];

  // Each step runs once; on replay its checkpointed result comes back instead.
  const order = await context.step("validate-order", async () => {
    if (!Array.isArray(items) || items.length === 0) throw new TypeError("an order needs items");
    const total = items.reduce((sum, i) => sum + i.quantity * i.price, 0);
    return { orderId, total: Math.round(total * 100) / 100 };
  });

  // The payment gateway fails the first attempt: the step is retried a second later.
  const payment = await context.step(
    "charge-payment",
    async (step) => {
      if (step.attempt < 2) throw new Error("payment gateway timed out");
      return { chargeId: \`ch_\${orderId}\`, amount: order.total, attempt: step.attempt };
    },
    { retryStrategy: (error, attempts) => ({ shouldRetry: attempts < 3, delay: { seconds: 1 } }) },
  );

  // Two branches at once, each a child context with its own steps.
  const shipment = await context.parallel("prepare-shipment", [
    { name: "reserve-stock", func: (branch) => branch.step("reserve", async () => items.map((i) => i.sku)) },
    { name: "book-courier", func: (branch) => branch.step("book", async () => ({ courier: "DHL", slot: "next-day" })) },
  ]);

  // Durable waits cost nothing while they last: the function is not running.
  await context.wait("cool-off", { seconds: 2 });

  let approval;
  try {
    approval = await context.waitForCallback(
      "manager-approval",
      async (callbackId, ctx) => ctx.logger.info(\`approve with SendDurableExecutionCallbackSuccess, CallbackId \${callbackId}\`),
      { timeout: { seconds: 30 } },
    );
  } catch {
    approval = "auto-approved (no answer within 30 s)";
  }

  const delivery = await context.runInChildContext("fulfil", async (child) => {
    const parcel = await child.step("pack", async () => ({ parcel: \`P-\${orderId}\`, weightKg: 1.2 }));
    const label = await child.step("print-label", async () => \`\${shipment.getResults()[1].courier}:\${parcel.parcel}\`);
    return { ...parcel, label };
  });

  return { orderId, total: order.total, payment, stock: shipment.getResults()[0], approval, delivery };
});
`;
