"use client";

import { useQuery } from "@tanstack/react-query";
import { CpuIcon, InfoIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable, NoValue } from "@/components/common/data-table";
import { RelativeTime } from "@/components/common/relative-time";
import { EmulatorNote, ResourceList } from "@/components/common/resource-list";
import { RowActionsMenu } from "@/components/common/row-actions-menu";
import { StateBadge } from "@/components/common/state-badge";
import { useDialogState } from "@/components/common/use-dialog-state";
import { useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { CapacityProvider } from "@/lib/lambda-types";
import { capacityProvidersOptions, useDeleteCapacityProvider } from "@/lib/queries/capacity-providers";
import { CapacityProviderDialog } from "./capacity-provider-dialog";

const COLUMNS = [
  { key: "name", label: "Name" },
  { key: "state", label: "State" },
  { key: "arch", label: "Architecture" },
  { key: "scaling", label: "Scaling" },
  { key: "network", label: "Network" },
  { key: "modified", label: "Last modified" },
  { key: "arn", label: "ARN" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

type Dialog = { kind: "create" } | { kind: "edit" | "delete"; provider: CapacityProvider };

function scalingText(p: CapacityProvider): string {
  const mode = p.ScalingMode ?? "Auto";
  const target = p.TargetCpuUtilization !== undefined ? ` · ${p.TargetCpuUtilization}% CPU` : "";
  const max = p.MaxVCpuCount !== undefined ? ` · ≤ ${p.MaxVCpuCount.toLocaleString("en")} vCPUs` : "";
  return `${mode}${target}${max}`;
}

export function CapacityProvidersPage({ region }: { region: string }) {
  const providers = useQuery(capacityProvidersOptions());
  const remove = useDeleteCapacityProvider();
  const connection = useConnection();
  const { dialog, key: dialogKey, open, onOpenChange: close } = useDialogState<Dialog>();
  const account = connection?.account ?? "123456789012";

  return (
    <>
      <ResourceList
        title="Capacity providers"
        noun={["capacity provider", "capacity providers"]}
        region={region}
        query={providers}
        action={
          <Button onClick={() => open({ kind: "create" })}>
            <PlusIcon aria-hidden /> Create capacity provider
          </Button>
        }
        note={
          connection?.kind === "emulator" ? (
            <EmulatorNote icon={InfoIcon}>
              Connected to the emulator: capacity providers are stored, validated and go from Pending to Active, but no
              instances are launched; functions attached to one run like any other function here.
            </EmulatorNote>
          ) : undefined
        }
        empty={{
          icon: CpuIcon,
          title: "No capacity providers yet",
          description:
            "Lambda Managed Instances run functions on EC2 capacity in your own VPC: a capacity provider says which subnets, instance types and scaling to use.",
        }}
      >
        {(items) => (
          <DataTable label="Capacity providers" columns={COLUMNS}>
            {items.map((p) => (
              <DataRow key={p.CapacityProviderArn}>
                <DataCell>
                  <span className="font-medium">{p.Name}</span>
                </DataCell>
                <DataCell>
                  <StateBadge state={p.State} />
                </DataCell>
                <DataCell>
                  <span className="font-mono text-xs">{p.Architectures?.join(", ") ?? "x86_64"}</span>
                </DataCell>
                <DataCell className="whitespace-nowrap">
                  <span className="text-xs">{scalingText(p)}</span>
                </DataCell>
                <DataCell className="w-full min-w-48">
                  <span className="text-muted-foreground block font-mono text-xs" title={p.SubnetIds.join(", ")}>
                    {p.SubnetIds.length} {p.SubnetIds.length === 1 ? "subnet" : "subnets"}
                    {p.SecurityGroupIds.length > 0 ? ` · ${p.SecurityGroupIds.join(", ")}` : ""}
                  </span>
                </DataCell>
                <DataCell className="whitespace-nowrap">
                  {p.LastModified ? (
                    <RelativeTime value={p.LastModified} className="text-muted-foreground" />
                  ) : (
                    <NoValue />
                  )}
                </DataCell>
                <DataCell className="max-w-64">
                  <Arn value={p.CapacityProviderArn} label={`ARN of ${p.Name}`} />
                </DataCell>
                <DataCell align="right">
                  <RowActionsMenu label={`Actions for ${p.Name}`} className="w-44">
                    <DropdownMenuItem
                      onSelect={() => open({ kind: "edit", provider: p })}
                      disabled={p.State !== "Active"}
                    >
                      <PencilIcon aria-hidden /> Edit scaling…
                    </DropdownMenuItem>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem
                      variant="destructive"
                      onSelect={() => open({ kind: "delete", provider: p })}
                      disabled={p.State === "Deleting"}
                    >
                      <Trash2Icon aria-hidden /> Delete…
                    </DropdownMenuItem>
                  </RowActionsMenu>
                </DataCell>
              </DataRow>
            ))}
          </DataTable>
        )}
      </ResourceList>
      {dialog?.kind === "create" ? (
        <CapacityProviderDialog key={dialogKey} account={account} open onOpenChange={close} />
      ) : null}
      {dialog?.kind === "edit" ? (
        <CapacityProviderDialog
          key={dialogKey}
          provider={dialog.provider}
          account={account}
          open
          onOpenChange={close}
        />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmActionDialog
          key={dialogKey}
          open
          onOpenChange={close}
          title={`Delete ${dialog.provider.Name}?`}
          description={<p>Lambda refuses while any function version uses it. Its instances are terminated.</p>}
          confirmLabel="Delete capacity provider"
          pendingLabel="Deleting…"
          run={() => remove.mutateAsync({ name: dialog.provider.Name })}
          success={`Deleting ${dialog.provider.Name}`}
          errorTitle="Could not delete the capacity provider"
        />
      ) : null}
    </>
  );
}
