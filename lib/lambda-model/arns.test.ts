import { describe, expect, it } from "vitest";
import { arnTail, functionArn, layerNameOf, parseFunctionRef, parseLayerVersionArn } from "./arns";

describe("parseFunctionRef", () => {
  it.each([
    ["my-fn", { name: "my-fn" }],
    ["my-fn:prod", { name: "my-fn", qualifier: "prod" }],
    ["my-fn:$LATEST", { name: "my-fn", qualifier: "$LATEST" }],
    ["123456789012:function:my-fn", { name: "my-fn", account: "123456789012" }],
    [
      "arn:aws:lambda:eu-west-1:123456789012:function:my-fn:7",
      { name: "my-fn", qualifier: "7", region: "eu-west-1", account: "123456789012" },
    ],
  ])("parses %s", (input, expected) => {
    expect(parseFunctionRef(input)).toEqual(expected);
  });

  it("rejects what is not a function reference", () => {
    expect(parseFunctionRef("has space")).toBeUndefined();
    expect(parseFunctionRef("arn:aws:s3:::bucket")).toBeUndefined();
  });
});

describe("ARN builders", () => {
  it("round-trips function and layer ARNs", () => {
    expect(functionArn("us-east-1", "000000000000", "f", "1")).toBe(
      "arn:aws:lambda:us-east-1:000000000000:function:f:1",
    );
    expect(parseLayerVersionArn("arn:aws:lambda:us-east-1:000000000000:layer:deps:3")).toEqual({
      region: "us-east-1",
      account: "000000000000",
      layerName: "deps",
      version: 3,
    });
    expect(layerNameOf("arn:aws:lambda:us-east-1:000000000000:layer:deps")).toBe("deps");
    expect(layerNameOf("deps")).toBe("deps");
    expect(arnTail("arn:aws:lambda:us-east-1:000000000000:function:f:prod")).toBe("f:prod");
  });
});
