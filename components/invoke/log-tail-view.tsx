import { cn } from "@/lib/utils";
import { parseLogTail, type LogLineKind } from "./log-lines";

const LINE_CLASS: Record<LogLineKind, string> = {
  start: "text-muted-foreground",
  end: "text-muted-foreground",
  report: "text-muted-foreground bg-muted/60 -mx-3 px-3",
  error: "text-destructive bg-destructive/5 -mx-3 px-3",
  warn: "text-warning",
  text: "",
};

/** The decoded X-Amz-Log-Result: platform lines (START/END/REPORT) muted, errors marked, the rest plain. */
export function LogTailView({ text }: { text: string | undefined }) {
  const lines = parseLogTail(text);
  if (lines.length === 0) {
    return <p className="text-muted-foreground rounded-md border border-dashed px-3 py-4 text-sm">No log output.</p>;
  }
  return (
    <pre
      aria-label="Log output"
      className="bg-code max-h-96 overflow-auto rounded-md border px-3 py-2.5 font-mono text-xs leading-relaxed"
    >
      {lines.map((line, i) => (
        <div
          key={i}
          data-kind={line.kind}
          className={cn("whitespace-pre-wrap [overflow-wrap:anywhere]", LINE_CLASS[line.kind])}
        >
          {line.kind === "start" || line.kind === "end" || line.kind === "report" ? (
            <>
              <span className="text-foreground/80 font-semibold">{line.text.split(" ")[0]}</span>
              {line.text.slice(line.text.indexOf(" ")).replace(/\t/g, "   ")}
            </>
          ) : (
            line.text.replace(/\t/g, "  ") || " "
          )}
        </div>
      ))}
    </pre>
  );
}
