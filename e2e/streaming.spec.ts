import { expect, test } from "@playwright/test";
import { createNodeFunction, pasteIntoEditor, uniqueName } from "./helpers";

// Needs InvokeWithResponseStream in the emulator (emulator/api/invoke-stream.ts).
const STREAMING = `export const handler = awslambda.streamifyResponse(async (event, stream) => {
  for (let i = 1; i <= event.n; i++) {
    stream.write(\`chunk \${i} of \${event.n}\\n\`);
    await new Promise((r) => setTimeout(r, 300));
  }
  stream.end();
});
`;

const HTTP_STREAMING = `export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 201,
    headers: { "content-type": "text/plain", "x-e2e": "streamed" },
    cookies: ["flavour=oat"],
  });
  for (let i = 1; i <= 3; i++) {
    stream.write(\`part \${i}\\n\`);
    await new Promise((r) => setTimeout(r, 200));
  }
  stream.end();
});
`;

test("a streamed response renders chunk by chunk while the function is still writing", async ({ page }) => {
  const name = uniqueName("e2e-stream");
  await createNodeFunction(name, STREAMING);
  await page.goto(`/functions/${name}/test`);
  await page.getByRole("radio", { name: "Streamed" }).click();
  await pasteIntoEditor(page, "Event JSON", '{"n": 5}');
  await page.getByRole("button", { name: "Invoke", exact: true }).click();

  const result = page.getByRole("region", { name: "Invocation result" });
  const counter = result.getByRole("status", { name: "Chunks received" });
  const body = result.getByLabel("Response payload");
  // The first chunk is on screen while the function is still writing (300 ms between writes): the
  // counter passes through 1 and the last line is not there yet. Polled every 50 ms, so the 300 ms
  // each count stays on screen cannot be missed (expect's default back-off reaches 1 s).
  const sample = { intervals: [50], timeout: 30_000 };
  await expect.poll(() => counter.textContent(), sample).toMatch(/^1 chunk ·/);
  expect(await body.textContent()).toContain("chunk 1 of 5");
  expect(await body.textContent()).not.toContain("chunk 5 of 5");
  await expect.poll(() => counter.textContent(), sample).toMatch(/^3 chunks ·/);
  await expect(counter).toHaveText(/^5 chunks ·/);
  await expect(result.getByText("Succeeded")).toBeVisible();
  await expect(body).toContainText("chunk 5 of 5");
  // The log tail arrives with InvokeComplete.
  await expect(result.getByLabel("Log output")).toContainText("REPORT RequestId:");
});

test("an HTTP-integration stream shows the status, headers and body", async ({ page }) => {
  const name = uniqueName("e2e-http-stream");
  await createNodeFunction(name, HTTP_STREAMING);
  await page.goto(`/functions/${name}/test`);
  await page.getByRole("radio", { name: "Streamed" }).click();
  await page.getByRole("button", { name: "Invoke", exact: true }).click();

  const result = page.getByRole("region", { name: "Invocation result" });
  await expect(result.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
  const http = result.getByRole("region", { name: "HTTP response" });
  await expect(http).toContainText("201");
  await expect(http).toContainText("x-e2e");
  await expect(http).toContainText("flavour=oat");
  await expect(result.getByLabel("Response payload")).toHaveText(/^part 1\s+part 2\s+part 3\s*$/);
});

test("a running invoke does not hold up writes: an event saves while the response streams", async ({ page }) => {
  const name = uniqueName("e2e-concurrent");
  await createNodeFunction(name, STREAMING);
  await page.goto(`/functions/${name}/test`);
  await page.getByRole("radio", { name: "Streamed" }).click();
  await pasteIntoEditor(page, "Event JSON", '{"n": 12}');
  await page.getByRole("button", { name: "Invoke", exact: true }).click();
  const counter = page
    .getByRole("region", { name: "Invocation result" })
    .getByRole("status", { name: "Chunks received" });
  await expect(counter).toContainText("streaming…", { timeout: 30_000 });

  // Saving is a server action; the invoke is a route handler, so the save does not queue behind it.
  await page.getByRole("button", { name: "Save event" }).click();
  const dialog = page.getByRole("dialog", { name: "Save test event" });
  await dialog.getByRole("textbox", { name: "Event name" }).fill("long-stream");
  await dialog.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByText("Saved event long-stream")).toBeVisible();
  await expect(counter).toContainText("streaming…");
  await expect(counter).toHaveText(/^12 chunks ·/, { timeout: 30_000 });
});
