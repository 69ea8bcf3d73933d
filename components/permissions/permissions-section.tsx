"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable } from "@/components/common/data-table";
import { ErrorPanel } from "@/components/common/error-panel";
import { SectionEmpty, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { policyOptions, useRemovePermission } from "@/lib/queries/policy";
import { AddPermissionDialog } from "./add-permission-dialog";
import { policyRow, type PolicyRow } from "./policy-rows";

const DESCRIPTION =
  "The resource-based policy: which AWS services, accounts and principals may invoke or read this function.";

const COLUMNS = [
  { key: "sid", label: "Statement ID" },
  { key: "principal", label: "Principal" },
  { key: "action", label: "Action" },
  { key: "conditions", label: "Conditions" },
  { key: "actions", label: "Remove", align: "right" as const, srOnly: true },
];

const KIND_HINT: Record<PolicyRow["principalKind"], string | undefined> = {
  anyone: "Anyone",
  service: "AWS service",
  account: "AWS account",
  arn: "IAM principal",
  other: undefined,
};

export function PermissionsSection({ name }: { name: string }) {
  const policy = useQuery(policyOptions(name));
  const remove = useRemovePermission();
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [removing, setRemoving] = useState<string | undefined>();

  const add = (
    <Button
      size="sm"
      variant="outline"
      onClick={() => {
        setAddKey((k) => k + 1);
        setAdding(true);
      }}
      disabled={!policy.data}
    >
      <PlusIcon aria-hidden /> Add permission
    </Button>
  );

  let body: React.ReactNode;
  if (policy.isPending) body = <SectionSkeleton />;
  else if (policy.isError)
    body = (
      <ErrorPanel
        error={policy.error}
        title="Could not read the policy"
        onRetry={() => void policy.refetch()}
        retrying={policy.isFetching}
      />
    );
  else if (policy.data.statements.length === 0)
    body = (
      <SectionEmpty>
        No statements: only this account&apos;s IAM principals with lambda permissions can call the function. Add one to
        let a service such as S3 or SNS, another account, or anyone (a public URL) invoke it.
      </SectionEmpty>
    );
  else
    body = (
      <DataTable label="Policy statements" columns={COLUMNS} className="-mx-1">
        {policy.data.statements.map((s, i) => {
          const row = policyRow(s, i);
          return (
            <DataRow key={row.sid}>
              <DataCell>
                <span className="font-mono text-xs break-all">{row.sid}</span>
                {row.effect !== "Allow" ? (
                  <span className="text-destructive ml-1.5 text-xs font-medium">{row.effect}</span>
                ) : null}
              </DataCell>
              <DataCell>
                <span className="font-mono text-xs break-all">{row.principal}</span>
                {KIND_HINT[row.principalKind] ? (
                  <span className="text-muted-foreground block text-[0.6875rem]">{KIND_HINT[row.principalKind]}</span>
                ) : null}
              </DataCell>
              <DataCell>
                <span className="font-mono text-xs">{row.actions.join(", ")}</span>
              </DataCell>
              <DataCell className="max-w-0 w-full min-w-48">
                {row.conditions.length === 0 ? (
                  <span className="text-muted-foreground/70">—</span>
                ) : (
                  <ul className="space-y-0.5 text-xs">
                    {row.conditions.map((c) => (
                      <li
                        key={`${c.operator}-${c.key}`}
                        className="truncate"
                        title={`${c.operator} ${c.key} = ${c.value}`}
                      >
                        <span className="text-muted-foreground">{c.label}:</span>{" "}
                        <span className="font-mono">{c.value}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </DataCell>
              <DataCell align="right">
                <Tooltip>
                  <TooltipTrigger asChild>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      className="text-muted-foreground hover:text-destructive size-7"
                      aria-label={`Remove statement ${row.sid}`}
                      onClick={() => setRemoving(row.sid)}
                    >
                      <Trash2Icon aria-hidden />
                    </Button>
                  </TooltipTrigger>
                  <TooltipContent>Remove</TooltipContent>
                </Tooltip>
              </DataCell>
            </DataRow>
          );
        })}
      </DataTable>
    );

  return (
    <SettingsSection id="permissions" title="Permissions" description={DESCRIPTION} actions={add}>
      {body}
      {adding ? <AddPermissionDialog key={addKey} name={name} open onOpenChange={setAdding} /> : null}
      <ConfirmActionDialog
        open={removing !== undefined}
        onOpenChange={(o) => {
          if (!o) setRemoving(undefined);
        }}
        title={`Remove statement ${removing ?? ""}?`}
        description={
          <p>
            Whoever this statement allowed loses that access at once. A public function URL stops answering if its
            FunctionURLAllowPublicAccess statement goes.
          </p>
        }
        confirmLabel="Remove statement"
        pendingLabel="Removing…"
        // No RevisionId: the policy's is the function's, which every configuration save renews, so it would
        // refuse after unrelated changes; removing a statement by id is safe to repeat.
        run={() => remove.mutateAsync({ functionName: name, statementId: removing ?? "" })}
        success={`Removed statement ${removing ?? ""}`}
        errorTitle="Could not remove the statement"
      />
    </SettingsSection>
  );
}
