"use client";

import { useState } from "react";
import Link from "next/link";
import { LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { ActionError } from "@/lib/actions/result";
import { useDeleteVersion } from "@/lib/queries/qualifiers";
import { routes } from "@/lib/routes";
import { conflictingAliases, type AliasUse } from "./version-rows";

function AliasList({ names }: { names: string[] }) {
  return (
    <>
      {names.map((n, i) => (
        <span key={n}>
          <strong className="font-mono font-semibold">{n}</strong>
          {i < names.length - 2 ? ", " : i === names.length - 2 ? " and " : ""}
        </span>
      ))}
    </>
  );
}

/**
 * Deleting a version is permanent and its number is never reused. Lambda refuses while an alias routes to
 * the version; the dialog warns up front from what it knows and explains the API's refusal in place.
 */
export function DeleteVersionDialog({
  name,
  version,
  aliases,
  open,
  onOpenChange,
}: {
  name: string;
  version: string;
  aliases: AliasUse[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const remove = useDeleteVersion();
  const [error, setError] = useState<ActionError | undefined>();
  const pending = remove.isPending;
  const conflict = error?.code === "ResourceConflictException" ? conflictingAliases(error.message) : [];

  async function onConfirm() {
    setError(undefined);
    const result = await remove.mutateAsync({ functionName: name, version });
    if (result.ok) {
      toast.success(`Deleted version ${version}`);
      onOpenChange(false);
    } else {
      setError(result.error);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Delete version {version}?</DialogTitle>
          <DialogDescription asChild>
            <div className="space-y-2">
              <p>
                Version {version} of {name} and its code are removed for good. Its number is never reused; callers that
                invoke <code className="font-mono">{`${name}:${version}`}</code> will get an error.
              </p>
              {aliases.length > 0 && conflict.length === 0 ? (
                <p className="text-warning">
                  <AliasList names={aliases.map((a) => a.name)} /> {aliases.length === 1 ? "routes" : "route"} traffic
                  to this version, so Lambda will refuse until {aliases.length === 1 ? "it points" : "they point"}{" "}
                  elsewhere.
                </p>
              ) : null}
            </div>
          </DialogDescription>
        </DialogHeader>
        {error ? (
          conflict.length > 0 ? (
            <ErrorPanel error={error} title="Version is still in use">
              <p className="text-muted-foreground">
                Alias <AliasList names={conflict} /> still {conflict.length === 1 ? "routes" : "route"} traffic to
                version {version}. Point {conflict.length === 1 ? "it" : "them"} at another version (or delete{" "}
                {conflict.length === 1 ? "it" : "them"}) on the{" "}
                <Link href={routes.function(name, "aliases")} className="text-primary underline">
                  Aliases tab
                </Link>
                , then delete the version.
              </p>
            </ErrorPanel>
          ) : (
            <ErrorPanel error={error} title="Could not delete the version" />
          )
        ) : null}
        <DialogFooter>
          <Button type="button" variant="outline" disabled={pending} onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="destructive" disabled={pending} onClick={() => void onConfirm()} autoFocus>
            {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
            {pending ? "Deleting…" : "Delete version"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
