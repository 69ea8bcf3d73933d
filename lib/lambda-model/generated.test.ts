/**
 * The generated model must match the reference it came from. CI checks out ../shared beside the repo;
 * when it is absent (a bare clone) there is nothing to compare against and the test says so.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
const reference = join(root, "..", "shared", "lambda-api", "model.json");

/** Runs the generator into a fresh directory and returns it. */
function generate(): string {
  const out = mkdtempSync(join(tmpdir(), "gen-model-"));
  execFileSync(process.execPath, [
    join(root, "node_modules", "tsx", "dist", "cli.mjs"),
    join(root, "scripts", "gen-model.ts"),
    reference,
    out,
  ]);
  return out;
}

describe("generated model", () => {
  it.runIf(existsSync(reference))("is up to date with ../shared/lambda-api/model.json (run npm run gen:model)", () => {
    const out = generate();
    const fresh = readFileSync(join(out, "model.json"), "utf8");
    const committed = readFileSync(join(root, "lib", "lambda-model", "generated", "model.json"), "utf8");
    expect(fresh === committed).toBe(true);
  });

  it.runIf(existsSync(reference))("has enums.ts up to date with the reference (run npm run gen:model)", () => {
    const out = generate();
    const fresh = readFileSync(join(out, "enums.ts"), "utf8");
    const committed = readFileSync(join(root, "lib", "lambda-model", "generated", "enums.ts"), "utf8");
    expect(fresh === committed).toBe(true);
  });
});
