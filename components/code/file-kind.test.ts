import { describe, expect, it } from "vitest";
import { fileKind, languageFor, MAX_EDITABLE_BYTES } from "./file-kind";

describe("fileKind", () => {
  it("opens UTF-8 text", () => {
    expect(fileKind("a.txt", new TextEncoder().encode("héllo"))).toEqual({ text: "héllo" });
  });
  it("keeps NUL-containing, invalid UTF-8 and oversized files closed", () => {
    expect(fileKind("a", new Uint8Array([104, 0, 105]))).toEqual({ opaque: "binary" });
    expect(fileKind("a", new Uint8Array([0xff, 0xfe, 0x41]))).toEqual({ opaque: "binary" });
    expect(fileKind("a", new Uint8Array(MAX_EDITABLE_BYTES + 1).fill(65))).toEqual({ opaque: "large" });
  });
});

describe("languageFor", () => {
  it("maps extensions and special names", () => {
    expect(languageFor("src/index.mjs")).toBe("javascript");
    expect(languageFor("app.ts")).toBe("typescript");
    expect(languageFor("lambda_function.py")).toBe("python");
    expect(languageFor("bootstrap")).toBe("shell");
    expect(languageFor("package.json")).toBe("json");
    expect(languageFor("README")).toBe("plaintext");
    expect(languageFor("x.unknown")).toBe("plaintext");
  });
});
