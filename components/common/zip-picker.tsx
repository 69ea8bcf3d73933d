"use client";

import { useId, useRef, useState } from "react";
import { FileArchiveIcon, UploadIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { formatBytes } from "./format-bytes";

/** A zip starts with a local file header ("PK\x03\x04"), or is an empty archive ("PK\x05\x06"). */
async function looksLikeZip(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
}

/**
 * Choose a .zip by dialog or by dropping it; says what was chosen and refuses files that are not zips
 * before anything is uploaded.
 */
export function ZipPicker({
  label,
  file,
  onChange,
  error,
  disabled,
  maxBytes,
}: {
  label: string;
  file: File | undefined;
  onChange: (file: File | undefined) => void;
  error?: string;
  disabled?: boolean;
  maxBytes: number;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const message = error ?? problem;

  async function take(next: File | undefined) {
    setProblem(undefined);
    if (!next) return onChange(undefined);
    if (!(await looksLikeZip(next))) {
      setProblem(`${next.name} is not a .zip archive.`);
      return onChange(undefined);
    }
    if (next.size > maxBytes) {
      setProblem(
        `${next.name} is ${formatBytes(next.size)}; at most ${formatBytes(maxBytes)} can be uploaded directly.`,
      );
      return onChange(undefined);
    }
    onChange(next);
  }

  return (
    <div className="grid gap-1.5">
      <span id={`${id}-label`} className="text-sm leading-none font-medium">
        {label}
      </span>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!disabled) void take(e.dataTransfer.files[0]);
        }}
        className={cn(
          "flex flex-wrap items-center gap-3 rounded-lg border border-dashed px-4 py-3 transition-colors",
          over && "border-primary bg-accent/50",
          message && "border-destructive/60",
        )}
      >
        <FileArchiveIcon className="text-muted-foreground size-5 shrink-0" aria-hidden />
        <div className="min-w-0 flex-1 text-sm">
          {file ? (
            <>
              <p className="truncate font-medium">{file.name}</p>
              <p className="text-muted-foreground text-xs">{formatBytes(file.size)}</p>
            </>
          ) : (
            <p className="text-muted-foreground">Drop a .zip here, or choose one.</p>
          )}
        </div>
        {file ? (
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            aria-label="Remove the chosen file"
            disabled={disabled}
            onClick={() => {
              onChange(undefined);
              if (input.current) input.current.value = "";
            }}
          >
            <XIcon aria-hidden />
          </Button>
        ) : null}
        <Button type="button" variant="outline" size="sm" disabled={disabled} onClick={() => input.current?.click()}>
          <UploadIcon aria-hidden /> Choose .zip
        </Button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          className="sr-only"
          aria-labelledby={`${id}-label`}
          aria-describedby={message ? `${id}-error` : undefined}
          tabIndex={-1}
          disabled={disabled}
          onChange={(e) => void take(e.target.files?.[0])}
        />
      </div>
      {message ? (
        <p id={`${id}-error`} className="text-destructive text-xs">
          {message}
        </p>
      ) : null}
    </div>
  );
}
