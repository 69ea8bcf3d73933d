"use client";

import { useState } from "react";
import Link from "next/link";
import { CircleAlertIcon, InfoIcon, LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormField } from "@/components/common/form-field";
import { RelativeTime } from "@/components/common/relative-time";
import { shortSha } from "@/components/common/short-sha";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import type { FunctionConfig, VersionSummary } from "@/lib/lambda-types";
import { useFunction } from "@/lib/queries/use-function";
import { usePublishVersion } from "@/lib/queries/qualifiers";
import { routes } from "@/lib/routes";
import { PublishVersionFormSchema } from "@/lib/version-forms";
import { likelyUnchanged, newestPublished } from "./version-rows";

/** The publish preconditions failed: $LATEST is not what the dialog showed any more. */
function isStale(error: ActionError): boolean {
  return (
    error.code === "PreconditionFailedException" ||
    (error.code === "InvalidParameterValueException" && /CodeSHA256/i.test(error.message))
  );
}

/**
 * Publishes $LATEST as it was when the dialog opened: CodeSha256 and RevisionId go along as preconditions,
 * so a deploy or configuration change in between is refused rather than published unseen.
 */
export function PublishVersionDialog({
  name,
  latest,
  versions,
  open,
  onOpenChange,
}: {
  name: string;
  latest: FunctionConfig;
  versions: VersionSummary[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const publish = usePublishVersion();
  const { refetch } = useFunction(name);
  const [description, setDescription] = useState("");
  const [error, setError] = useState<ActionError | undefined>();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [unchanged, setUnchanged] = useState<FunctionConfig | undefined>();
  // Frozen when the dialog opens: the preconditions are what the user is looking at.
  const [snapshot, setSnapshot] = useState(latest);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setSnapshot(latest);
      setDescription("");
      setError(undefined);
      setFieldError(undefined);
      setUnchanged(undefined);
    }
  }

  const newest = newestPublished(versions);
  const nextNumber = newest ? Number(newest.Version) + 1 : 1;
  const probablySame = likelyUnchanged(snapshot, newest);
  const pending = publish.isPending;

  function close(next: boolean) {
    if (pending) return;
    onOpenChange(next);
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    const input = {
      functionName: name,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(snapshot.CodeSha256 ? { codeSha256: snapshot.CodeSha256 } : {}),
      ...(snapshot.RevisionId ? { revisionId: snapshot.RevisionId } : {}),
    };
    const parsed = PublishVersionFormSchema.safeParse(input);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    const result = await publish.mutateAsync(parsed.data);
    if (!result.ok) {
      if (result.error.fieldErrors?.description) setFieldError(result.error.fieldErrors.description);
      else setError(result.error);
      return;
    }
    if (result.data.created) {
      toast.success(`Published version ${result.data.config.Version ?? ""}`, {
        description: "Point an alias at it on the Aliases tab.",
      });
      onOpenChange(false);
    } else {
      setUnchanged(result.data.config);
    }
  }

  async function reloadLatest() {
    const next = await refetch();
    if (next.data) setSnapshot(next.data.Configuration);
    setError(undefined);
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-lg">
        {unchanged ? (
          <>
            <DialogHeader>
              <DialogTitle>Nothing new to publish</DialogTitle>
              <DialogDescription>
                $LATEST has the same code and configuration as version {unchanged.Version}, so Lambda returned that
                version instead of publishing a new one.
              </DialogDescription>
            </DialogHeader>
            <div
              role="status"
              className="border-primary/25 bg-accent text-accent-foreground flex items-start gap-2.5 rounded-lg border px-4 py-3 text-sm"
            >
              <InfoIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
              <p>
                Existing version{" "}
                <Link href={routes.version(name, unchanged.Version ?? "")} className="font-mono font-medium underline">
                  {unchanged.Version}
                </Link>{" "}
                was returned by AWS. Change the code or configuration, then publish again.
              </p>
            </div>
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)} autoFocus>
                Done
              </Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>Publish version {nextNumber}</DialogTitle>
              <DialogDescription>
                Freezes $LATEST&apos;s code and configuration as version {nextNumber}. Published versions can&apos;t be
                changed, only deleted.
              </DialogDescription>
            </DialogHeader>

            <dl className="bg-muted/40 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 rounded-lg border px-4 py-3 text-sm">
              <dt className="text-muted-foreground">Code SHA-256</dt>
              <dd className="font-mono text-[0.8125rem]" title={snapshot.CodeSha256}>
                {shortSha(snapshot.CodeSha256)}
              </dd>
              <dt className="text-muted-foreground">Runtime</dt>
              <dd className="font-mono text-[0.8125rem]">{snapshot.Runtime ?? snapshot.PackageType ?? "—"}</dd>
              <dt className="text-muted-foreground">Last modified</dt>
              <dd>
                <RelativeTime value={snapshot.LastModified} />
              </dd>
            </dl>

            {probablySame && newest ? (
              <p className="text-muted-foreground flex items-start gap-2 text-xs">
                <InfoIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                The code is the same as version {newest.Version}&apos;s. If the configuration is too, Lambda returns
                version {newest.Version} instead of publishing a new one.
              </p>
            ) : null}

            <FormField
              id="publish-description"
              label="Version description (optional)"
              error={fieldError}
              hint={`${description.length} / 256 characters. Says what changed, e.g. “Retry on timeouts”.`}
            >
              {(control) => (
                <Input
                  {...control}
                  autoFocus
                  value={description}
                  disabled={pending}
                  placeholder="What this version changes"
                  onChange={(e) => {
                    setDescription(e.target.value);
                    setFieldError(undefined);
                  }}
                />
              )}
            </FormField>

            {error ? (
              isStale(error) ? (
                <div
                  role="alert"
                  className="border-warning/40 bg-warning-soft flex flex-wrap items-start gap-3 rounded-lg border px-4 py-3 text-sm"
                >
                  <CircleAlertIcon className="text-warning mt-0.5 size-4 shrink-0" aria-hidden />
                  <div className="min-w-0 flex-1 space-y-2">
                    <p>
                      $LATEST changed after this dialog opened (a deploy or a configuration change), so Lambda refused
                      to publish what you did not see.
                    </p>
                    <Button type="button" size="sm" variant="outline" onClick={() => void reloadLatest()}>
                      Review the latest $LATEST
                    </Button>
                  </div>
                </div>
              ) : (
                <ErrorPanel error={error} title="Could not publish the version" />
              )
            ) : null}

            <DialogFooter>
              <Button type="button" variant="outline" disabled={pending} onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
                {pending ? "Publishing…" : "Publish"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
