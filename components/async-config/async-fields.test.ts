import { describe, expect, it } from "vitest";
import { destinationKind, hmsFromSeconds, secondsFromHms } from "./async-fields";

describe("asynchronous invocation fields", () => {
  it("splits and joins the maximum event age", () => {
    expect(hmsFromSeconds(21600)).toEqual({ hours: "6", minutes: "0", seconds: "0" });
    expect(hmsFromSeconds(3725)).toEqual({ hours: "1", minutes: "2", seconds: "5" });
    expect(secondsFromHms({ hours: "1", minutes: "2", seconds: "5" })).toBe(3725);
    expect(secondsFromHms({ hours: "", minutes: "1", seconds: "" })).toBe(60);
    expect(secondsFromHms({ hours: "x", minutes: "0", seconds: "0" })).toBeNaN();
    expect(secondsFromHms({ hours: "0", minutes: "-1", seconds: "0" })).toBeNaN();
  });

  it("names destinations by their ARN's service", () => {
    expect(destinationKind("arn:aws:sqs:us-east-1:000000000000:dlq")).toBe("sqs");
    expect(destinationKind("arn:aws:lambda:us-east-1:000000000000:function:f")).toBe("lambda");
    expect(destinationKind("arn:aws:s3:::bucket")).toBe("s3");
    expect(destinationKind("nope")).toBe("unknown");
  });
});
