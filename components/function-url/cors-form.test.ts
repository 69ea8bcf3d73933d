import { describe, expect, it } from "vitest";
import { corsConfigFromForm, corsFormFromConfig, EMPTY_CORS_FORM, splitList, toggleMethod } from "./cors-form";

describe("CORS form ↔ API shape", () => {
  it("sends nothing when CORS is off", () => {
    expect(corsConfigFromForm(EMPTY_CORS_FORM)).toBeUndefined();
  });

  it("splits lists on commas and lines and sends only what is set", () => {
    expect(
      corsConfigFromForm({
        enabled: true,
        allowOrigins: "https://a.example\nhttps://b.example, https://c.example\n",
        allowMethods: ["GET", "POST"],
        allowHeaders: "content-type, x-api-key",
        exposeHeaders: "",
        maxAge: "300",
        allowCredentials: true,
      }),
    ).toEqual({
      AllowOrigins: ["https://a.example", "https://b.example", "https://c.example"],
      AllowMethods: ["GET", "POST"],
      AllowHeaders: ["content-type", "x-api-key"],
      MaxAge: 300,
      AllowCredentials: true,
    });
  });

  it("round-trips a stored config", () => {
    const cors = { AllowOrigins: ["*"], AllowMethods: ["*"], ExposeHeaders: ["x-id"], MaxAge: 0 };
    const form = corsFormFromConfig(cors);
    expect(form).toMatchObject({ enabled: true, allowOrigins: "*", exposeHeaders: "x-id", maxAge: "0" });
    expect(corsConfigFromForm(form)).toEqual(cors);
  });

  it("treats an empty stored Cors as off", () => {
    expect(corsFormFromConfig({}).enabled).toBe(false);
    expect(corsFormFromConfig(undefined).enabled).toBe(false);
  });

  it("keeps * exclusive among methods", () => {
    expect(toggleMethod(["GET"], "*", true)).toEqual(["*"]);
    expect(toggleMethod(["*"], "GET", true)).toEqual(["GET"]);
    expect(toggleMethod(["GET", "PUT"], "GET", false)).toEqual(["PUT"]);
  });

  it("drops blanks when splitting", () => {
    expect(splitList(" a ,, b\n\n")).toEqual(["a", "b"]);
  });
});
