/** Deploying bench functions through the SDK (the same door every user goes through). */
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { writeZip } from "../../emulator/zip";

export const HOST_NODE_RUNTIME =
  `nodejs${process.versions.node.split(".")[0]}.x` as CreateFunctionCommandInput["Runtime"];

export function benchClient(url: string): LambdaClient {
  return new LambdaClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}

export async function waitSettled(client: LambdaClient, name: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const c = await client.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    if (c.State === "Active" && c.LastUpdateStatus === "Successful") return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${name} did not become Active`);
}

export async function deployNode(client: LambdaClient, name: string, source: string): Promise<void> {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: "arn:aws:iam::000000000000:role/bench",
      Runtime: HOST_NODE_RUNTIME,
      Handler: "index.handler",
      Code: { ZipFile: writeZip({ "index.js": source }) },
    }),
  );
  await waitSettled(client, name);
}
