import { cn } from "@/lib/utils";
import { prettyJson, tokenizeJson, type JsonTokenKind } from "./json-tokens";

const TOKEN_CLASS: Record<JsonTokenKind, string> = {
  key: "text-syntax-key",
  string: "text-syntax-string",
  number: "text-syntax-number",
  literal: "text-syntax-literal",
  punctuation: "text-muted-foreground",
  plain: "",
};

/** Pretty, coloured JSON; any other text is shown verbatim. */
export function JsonView({ text, className, label }: { text: string; className?: string; label?: string }) {
  const pretty = prettyJson(text);
  return (
    <pre
      aria-label={label}
      className={cn(
        "bg-code overflow-auto rounded-md border p-3 font-mono text-[0.8125rem] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]",
        className,
      )}
    >
      {pretty.isJson
        ? tokenizeJson(pretty.text).map((token, i) => (
            <span key={i} className={TOKEN_CLASS[token.kind]}>
              {token.text}
            </span>
          ))
        : pretty.text || <span className="text-muted-foreground italic">(empty)</span>}
    </pre>
  );
}
