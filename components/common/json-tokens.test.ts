import { describe, expect, it } from "vitest";
import { prettyJson, tokenizeJson } from "./json-tokens";

describe("prettyJson", () => {
  it("indents JSON", () => {
    expect(prettyJson('{"a":1,"b":[true,null]}')).toEqual({
      text: '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}',
      isJson: true,
    });
  });
  it("leaves other text alone", () => {
    expect(prettyJson("Hello, world")).toEqual({ text: "Hello, world", isJson: false });
    expect(prettyJson("")).toEqual({ text: "", isJson: false });
  });
});

describe("tokenizeJson", () => {
  it("tells keys from string values", () => {
    const tokens = tokenizeJson('{"name": "a \\"quoted\\" b", "n": -1.5e3, "ok": false}');
    const kinds = tokens.filter((t) => t.kind !== "plain" && t.kind !== "punctuation");
    expect(kinds).toEqual([
      { kind: "key", text: '"name"' },
      { kind: "string", text: '"a \\"quoted\\" b"' },
      { kind: "key", text: '"n"' },
      { kind: "number", text: "-1.5e3" },
      { kind: "key", text: '"ok"' },
      { kind: "literal", text: "false" },
    ]);
  });
  it("round-trips the text exactly", () => {
    const text = prettyJson('{"x":{"y":[1,"two",null]},"z":"colon: inside"}').text;
    expect(
      tokenizeJson(text)
        .map((t) => t.text)
        .join(""),
    ).toBe(text);
  });
});
