/**
 * Demo functions for a fresh data dir, so a new user sees real functions to open and invoke. Seeded once
 * (a marker file remembers it), through the same code path as CreateFunction.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmulatorContext } from "../context";
import { newFunctionConfig } from "../functions/config";
import { scheduleSettle } from "../functions/lifecycle";
import { roleArn } from "../../lib/lambda-model/arns";
import { writeZip } from "../zip";
import { demoFunctions } from "./functions";

export async function seedDemoFunctions(ctx: EmulatorContext): Promise<void> {
  const marker = join(ctx.config.dataDir, ".demo-seeded");
  if (existsSync(marker)) return;
  for (const demo of demoFunctions()) {
    if (ctx.functions.exists(demo.name)) continue;
    const code = ctx.code.put(writeZip(demo.files));
    const config = newFunctionConfig(
      ctx,
      {
        FunctionName: demo.name,
        Role: roleArn(ctx.config.accountId, "lambda-console-demo"),
        Runtime: demo.runtime,
        Handler: demo.handler,
        Description: demo.description,
        MemorySize: demo.memorySize ?? 128,
        Timeout: demo.timeout ?? 3,
        Code: {},
        ...(demo.environment ? { Environment: { Variables: demo.environment } } : {}),
        ...(demo.durableConfig ? { DurableConfig: demo.durableConfig } : {}),
      } as Parameters<typeof newFunctionConfig>[1],
      demo.name,
      code,
    );
    ctx.functions.create(config, code.hash);
    ctx.resources.put("tags", config.FunctionArn ?? "", { "lambda-console:demo": "true" }, demo.name);
    scheduleSettle(ctx, demo.name);
  }
  writeFileSync(marker, new Date().toISOString());
}
