import { describe, expect, it } from "vitest";
import { DeployCodeSchema, packageLimitProblem, UNZIPPED_MAX_BYTES, ZIP_UPLOAD_MAX_BYTES } from "./code-forms";

describe("package limits", () => {
  it("accepts packages within 50 MB zipped and 250 MB unzipped", () => {
    expect(packageLimitProblem(ZIP_UPLOAD_MAX_BYTES, UNZIPPED_MAX_BYTES)).toBeUndefined();
  });
  it("explains a zip over the direct-upload limit", () => {
    expect(packageLimitProblem(ZIP_UPLOAD_MAX_BYTES + 1, 10)).toMatch(/at most 50 MB uploaded directly.*S3/);
  });
  it("explains a package that unzips too large", () => {
    expect(packageLimitProblem(1024, UNZIPPED_MAX_BYTES + 1)).toMatch(/at most 250 MB unzipped/);
  });
  it("the deploy schema refuses empty and oversized blobs", () => {
    expect(DeployCodeSchema.safeParse({ functionName: "f", zip: new Blob([]) }).success).toBe(false);
    expect(DeployCodeSchema.safeParse({ functionName: "f", zip: new Blob(["x"]) }).success).toBe(true);
    const big = { size: ZIP_UPLOAD_MAX_BYTES + 1 } as Blob;
    Object.setPrototypeOf(big, Blob.prototype);
    expect(DeployCodeSchema.safeParse({ functionName: "f", zip: big }).success).toBe(false);
  });
});
