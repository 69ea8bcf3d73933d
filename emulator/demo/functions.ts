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
  ];
}
