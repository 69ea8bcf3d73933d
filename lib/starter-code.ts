/**
 * The "hello world" a new function starts with, per runtime family, zipped the way Lambda expects
 * (Unix modes recorded so `bootstrap` stays executable). Pure: used by createFunctionAction.
 */
import { zipSync, strToU8 } from "fflate";
import { runtimeFamily } from "@/lib/lambda-model/runtimes";

const NODE = `export const handler = async (event, context) => {
  console.log("Received event:", JSON.stringify(event));
  return {
    statusCode: 200,
    body: JSON.stringify({ message: "Hello from Lambda!", requestId: context.awsRequestId }),
  };
};
`;

// Durable: every step's result is checkpointed. After the wait the function is invoked again and replays
// from the top; finished steps return their saved results instead of running twice.
const NODE_DURABLE = `import { withDurableExecution } from "@aws/durable-execution-sdk-js";

export const handler = withDurableExecution(async (event, context) => {
  const order = await context.step("validate-order", async () => {
    return { orderId: event.orderId ?? "order-1", items: event.items ?? 1 };
  });

  // The function is not running while it waits: nothing is billed until it resumes.
  await context.wait("cool-down", { seconds: 5 });

  const receipt = await context.step("confirm-order", async () => {
    return { orderId: order.orderId, confirmedAt: new Date().toISOString() };
  });

  return { order, receipt };
});
`;

const PYTHON = `import json


def lambda_handler(event, context):
    print("Received event: " + json.dumps(event))
    return {
        "statusCode": 200,
        "body": json.dumps({"message": "Hello from Lambda!", "requestId": context.aws_request_id}),
    }
`;

const RUBY = `require 'json'

def lambda_handler(event:, context:)
  puts "Received event: #{event.to_json}"
  { statusCode: 200, body: { message: 'Hello from Lambda!', requestId: context.aws_request_id }.to_json }
end
`;

// A custom runtime speaks the Runtime API itself; this is the loop from the AWS custom-runtime tutorial.
const BOOTSTRAP = `#!/bin/sh
set -eu
API="http://\${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
while true; do
  HEADERS="$(mktemp)"
  EVENT="$(curl -sS -LD "$HEADERS" "$API/invocation/next")"
  REQUEST_ID="$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)"
  echo "Received event: $EVENT"
  RESPONSE="{\\"statusCode\\":200,\\"body\\":\\"Hello from Lambda!\\"}"
  curl -sS -X POST "$API/invocation/$REQUEST_ID/response" -d "$RESPONSE" > /dev/null
  rm -f "$HEADERS"
done
`;

const NO_STARTER = (runtime: string) => `This function was created by Lambda Console without starter code:
${runtime} needs a compiled package. Build one and upload it from the Code tab.
`;

/** File name → contents for a new function of this runtime (a durable handler when `durable`). */
export function starterFiles(runtime: string, options: { durable?: boolean } = {}): Record<string, string> {
  switch (runtimeFamily(runtime)) {
    case "nodejs":
      return { "index.mjs": options.durable ? NODE_DURABLE : NODE };
    case "python":
      return { "lambda_function.py": PYTHON };
    case "ruby":
      return { "lambda_function.rb": RUBY };
    case "provided":
      return { bootstrap: BOOTSTRAP };
    default:
      return { "README.txt": NO_STARTER(runtime) };
  }
}

const FIXED_MTIME = new Date("2020-01-01T00:00:00Z");

export function starterZip(runtime: string, options: { durable?: boolean } = {}): Uint8Array {
  const input: Record<string, [Uint8Array, { os: number; attrs: number; mtime: Date }]> = {};
  for (const [path, text] of Object.entries(starterFiles(runtime, options))) {
    const mode = path === "bootstrap" ? 0o755 : 0o644;
    // os 3 = Unix; the mode lives in the high 16 bits of the external attributes, as Info-ZIP writes it.
    input[path] = [strToU8(text), { os: 3, attrs: ((0o100000 | mode) << 16) >>> 0, mtime: FIXED_MTIME }];
  }
  return zipSync(input, { level: 6 });
}
