import { describe, expect, it } from "vitest";
import { hasPublicUrlAccess, policyRow } from "./policy-rows";

describe("policy statement → table row", () => {
  it("reads a service principal with a source ARN condition", () => {
    expect(
      policyRow({
        Sid: "s3-invoke",
        Effect: "Allow",
        Principal: { Service: "s3.amazonaws.com" },
        Action: "lambda:InvokeFunction",
        Resource: "arn:aws:lambda:us-east-1:000000000000:function:f",
        Condition: { ArnLike: { "AWS:SourceArn": "arn:aws:s3:::bucket" } },
      }),
    ).toEqual({
      sid: "s3-invoke",
      effect: "Allow",
      principal: "s3.amazonaws.com",
      principalKind: "service",
      actions: ["lambda:InvokeFunction"],
      resource: "arn:aws:lambda:us-east-1:000000000000:function:f",
      conditions: [{ label: "Source ARN", operator: "ArnLike", key: "AWS:SourceArn", value: "arn:aws:s3:::bucket" }],
    });
  });

  it("shows an account principal as the account id", () => {
    const row = policyRow({ Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: ["lambda:GetFunction"] });
    expect(row).toMatchObject({ principal: "123456789012", principalKind: "account", sid: "Statement 1" });
  });

  it("keeps IAM ARNs and anyone as they are", () => {
    expect(policyRow({ Principal: { AWS: "arn:aws:iam::123456789012:role/r" } })).toMatchObject({
      principal: "arn:aws:iam::123456789012:role/r",
      principalKind: "arn",
    });
    expect(policyRow({ Principal: "*" })).toMatchObject({ principal: "*", principalKind: "anyone" });
  });

  it("flattens boolean conditions", () => {
    const row = policyRow({ Principal: "*", Condition: { Bool: { "lambda:InvokedViaFunctionUrl": true } } });
    expect(row.conditions).toEqual([
      { label: "Invoked via function URL", operator: "Bool", key: "lambda:InvokedViaFunctionUrl", value: "true" },
    ]);
  });

  it("knows when a public URL is allowed", () => {
    const publicStatement = {
      Sid: "FunctionURLAllowPublicAccess",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunctionUrl",
      Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
    };
    expect(hasPublicUrlAccess([publicStatement])).toBe(true);
    expect(hasPublicUrlAccess([{ ...publicStatement, Condition: {} }])).toBe(false);
    expect(hasPublicUrlAccess([{ ...publicStatement, Principal: { Service: "s3.amazonaws.com" } }])).toBe(false);
    expect(hasPublicUrlAccess([])).toBe(false);
  });
});
