/** The demo functions' code. Each shows one thing a Lambda developer does every day. */
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
  ];
}
