"use client";

import { useQuery } from "@tanstack/react-query";
import { FileSignatureIcon, InfoIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable, DescriptionCell } from "@/components/common/data-table";
import { RelativeTime } from "@/components/common/relative-time";
import { EmulatorNote, ResourceList } from "@/components/common/resource-list";
import { RowActionsMenu } from "@/components/common/row-actions-menu";
import { useDialogState } from "@/components/common/use-dialog-state";
import { useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { CodeSigningConfig } from "@/lib/lambda-types";
import { codeSigningConfigsOptions, useDeleteCodeSigningConfig } from "@/lib/queries/code-signing";
import { cn } from "@/lib/utils";
import { CodeSigningDialog } from "./code-signing-dialog";

const COLUMNS = [
  { key: "id", label: "ID" },
  { key: "description", label: "Description" },
  { key: "profiles", label: "Signing profiles" },
  { key: "policy", label: "Untrusted code" },
  { key: "modified", label: "Last modified" },
  { key: "arn", label: "ARN" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

type Dialog = { kind: "create" } | { kind: "edit" | "delete"; config: CodeSigningConfig };

/** The tail that tells signing profiles apart: `…/signing-profiles/MyProfile/abc` → MyProfile/abc. */
const profileName = (arn: string) => arn.split("/signing-profiles/")[1] ?? arn;

export function CodeSigningPage({ region }: { region: string }) {
  const configs = useQuery(codeSigningConfigsOptions());
  const remove = useDeleteCodeSigningConfig();
  const connection = useConnection();
  const { dialog, key: dialogKey, open, onOpenChange: close } = useDialogState<Dialog>();

  return (
    <>
      <ResourceList
        title="Code signing"
        noun={["config", "configs"]}
        region={region}
        query={configs}
        action={
          <Button onClick={() => open({ kind: "create" })}>
            <PlusIcon aria-hidden /> Create config
          </Button>
        }
        note={
          connection?.kind === "emulator" ? (
            <EmulatorNote icon={InfoIcon}>
              Connected to the emulator: configs are stored and can be attached to functions, but without AWS Signer
              nothing can be verified offline, so both policies accept every deployment (Enforce logs a warning).
            </EmulatorNote>
          ) : undefined
        }
        empty={{
          icon: FileSignatureIcon,
          title: "No code signing configs yet",
          description:
            "A code signing config lists the AWS Signer profiles allowed to sign a function's code, and whether unsigned code is only flagged or refused.",
        }}
      >
        {(items) => (
          <DataTable label="Code signing configs" columns={COLUMNS}>
            {items.map((c) => (
              <DataRow key={c.CodeSigningConfigArn}>
                <DataCell>
                  <span className="font-mono text-xs whitespace-nowrap">{c.CodeSigningConfigId}</span>
                </DataCell>
                <DescriptionCell value={c.Description} />
                <DataCell>
                  <ul className="space-y-0.5" aria-label="Signing profiles">
                    {c.SigningProfileVersionArns.slice(0, 2).map((arn) => (
                      <li key={arn} className="font-mono text-xs" title={arn}>
                        {profileName(arn)}
                      </li>
                    ))}
                    {c.SigningProfileVersionArns.length > 2 ? (
                      <li className="text-muted-foreground text-xs">+{c.SigningProfileVersionArns.length - 2} more</li>
                    ) : null}
                  </ul>
                </DataCell>
                <DataCell>
                  <span
                    className={cn(
                      "inline-flex h-5 items-center rounded-full border px-2 text-xs font-medium",
                      c.UntrustedArtifactOnDeployment === "Enforce"
                        ? "bg-danger-soft text-destructive border-destructive/25"
                        : "bg-warning-soft text-warning border-warning/30",
                    )}
                  >
                    {c.UntrustedArtifactOnDeployment}
                  </span>
                </DataCell>
                <DataCell className="whitespace-nowrap">
                  <RelativeTime value={c.LastModified} className="text-muted-foreground" />
                </DataCell>
                <DataCell className="max-w-64">
                  <Arn value={c.CodeSigningConfigArn} label={`ARN of ${c.CodeSigningConfigId}`} />
                </DataCell>
                <DataCell align="right">
                  <RowActionsMenu label={`Actions for ${c.CodeSigningConfigId}`} className="w-40">
                    <DropdownMenuItem onSelect={() => open({ kind: "edit", config: c })}>
                      <PencilIcon aria-hidden /> Edit…
                    </DropdownMenuItem>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem variant="destructive" onSelect={() => open({ kind: "delete", config: c })}>
                      <Trash2Icon aria-hidden /> Delete…
                    </DropdownMenuItem>
                  </RowActionsMenu>
                </DataCell>
              </DataRow>
            ))}
          </DataTable>
        )}
      </ResourceList>
      {dialog?.kind === "create" ? <CodeSigningDialog key={dialogKey} open onOpenChange={close} /> : null}
      {dialog?.kind === "edit" ? (
        <CodeSigningDialog key={dialogKey} config={dialog.config} open onOpenChange={close} />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmActionDialog
          key={dialogKey}
          open
          onOpenChange={close}
          title={`Delete ${dialog.config.CodeSigningConfigId}?`}
          description={
            <p>Lambda refuses while a function still uses the config; detach it from those functions first.</p>
          }
          confirmLabel="Delete config"
          pendingLabel="Deleting…"
          run={() => remove.mutateAsync({ arn: dialog.config.CodeSigningConfigArn })}
          success={`Deleted ${dialog.config.CodeSigningConfigId}`}
          errorTitle="Could not delete the config"
        />
      ) : null}
    </>
  );
}
