/**
 * Shared steps for the console specs: creating functions (through the UI, or directly with the SDK
 * against the e2e emulator when the spec is about something else) and typing into Monaco.
 */
import { expect, type Page } from "@playwright/test";
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
} from "@aws-sdk/client-lambda";
import { strToU8, zipSync } from "fflate";

/** A name no earlier run left behind (the emulator's data dir is fresh per run, but be safe). */
export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 9101);

export const lambda = new LambdaClient({
  region: "us-east-1",
  endpoint: `http://127.0.0.1:${EMULATOR_PORT}`,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});

/**
 * Creates a Node function from source (as index.mjs) and waits until it is Active. `durable` makes it a
 * durable function (DurableConfig), whose source wraps its handler in withDurableExecution.
 */
export async function createNodeFunction(
  name: string,
  source: string,
  options: { timeout?: number; durable?: { executionTimeout: number; retentionPeriodInDays: number } } = {},
) {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Role: "arn:aws:iam::000000000000:role/lambda-role",
      Timeout: options.timeout ?? 30,
      Code: { ZipFile: zipSync({ "index.mjs": strToU8(source) }) },
      ...(options.durable
        ? {
            DurableConfig: {
              ExecutionTimeout: options.durable.executionTimeout,
              RetentionPeriodInDays: options.durable.retentionPeriodInDays,
            },
          }
        : {}),
    }),
  );
  // Lambda refuses to invoke a function while it is Pending (ResourceConflictException), as AWS does.
  await waitForFunctionReady(name);
}

/** Polls until Lambda has finished creating or updating the function (publishing needs that). */
export async function waitForFunctionReady(name: string) {
  await expect
    .poll(
      async () => {
        const c = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
        return c.State === "Active" && c.LastUpdateStatus !== "InProgress";
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

export async function invokeDirectly(name: string, payload: unknown) {
  return lambda.send(new InvokeCommand({ FunctionName: name, Payload: strToU8(JSON.stringify(payload)) }));
}

/** Creates a function through the Create dialog (starter code) and lands on its page. */
export async function createFunctionInUi(page: Page, name: string) {
  await page.goto("/functions");
  await page.getByRole("button", { name: "Create function", exact: true }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create function" });
  await dialog.getByRole("textbox", { name: "Function name" }).fill(name);
  await dialog.getByRole("button", { name: "Create function" }).click();
  await expect(page).toHaveURL(new RegExp(`/functions/${name}$`));
}

/**
 * Replaces a Monaco editor's content the way a person pastes: select all, paste. (Typed brackets and
 * quotes would be auto-closed by the editor; a paste is taken as is.)
 */
export async function pasteIntoEditor(page: Page, editorName: string, text: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const editor = page.getByRole("textbox", { name: editorName });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await editor.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
}
