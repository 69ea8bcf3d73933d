"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable } from "@/components/common/data-table";
import { ErrorPanel } from "@/components/common/error-panel";
import { SaveBar, SectionEmpty, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { StateBadge } from "@/components/common/state-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { ActionError } from "@/lib/actions/result";
import { ReservedConcurrencyFormSchema } from "@/lib/concurrency-forms";
import {
  accountSettingsOptions,
  provisionedConcurrencyOptions,
  useDeleteProvisionedConcurrency,
  useUpdateReservedConcurrency,
} from "@/lib/queries/concurrency";
import { useFunction } from "@/lib/queries/use-function";
import { ProvisionedConcurrencyDialog } from "./provisioned-concurrency-dialog";

/** AWS keeps this much of the account's concurrency unreserved, for functions without a reservation. */
const MIN_UNRESERVED = 100;

export function ConcurrencySection({ name }: { name: string }) {
  return (
    <SettingsSection
      id="concurrency"
      title="Concurrency"
      description="How many requests the function may serve at once (reserved), and how many environments stay initialized ahead of traffic (provisioned)."
    >
      <div className="space-y-6">
        <ReservedConcurrency name={name} />
        <div className="border-t pt-5">
          <ProvisionedConcurrency name={name} />
        </div>
      </div>
    </SettingsSection>
  );
}

function ReservedConcurrency({ name }: { name: string }) {
  const { data: fn } = useFunction(name);
  const account = useQuery(accountSettingsOptions());
  if (!fn) return <SectionSkeleton rows={2} />;
  const reserved = fn.Concurrency?.ReservedConcurrentExecutions;
  return (
    <ReservedForm
      key={String(reserved)}
      name={name}
      reserved={reserved}
      unreserved={account.data?.UnreservedConcurrentExecutions}
      total={account.data?.ConcurrentExecutions}
      accountError={account.isError ? account.error : undefined}
    />
  );
}

function ReservedForm({
  name,
  reserved,
  unreserved,
  total,
  accountError,
}: {
  name: string;
  reserved: number | undefined;
  unreserved: number | undefined;
  total: number | undefined;
  accountError: unknown;
}) {
  const update = useUpdateReservedConcurrency();
  const [mode, setMode] = useState<"shared" | "reserved">(reserved === undefined ? "shared" : "reserved");
  const [amount, setAmount] = useState(reserved === undefined ? "" : String(reserved));
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ActionError | undefined>();
  const next = mode === "shared" ? undefined : amount.trim() === "" ? Number.NaN : Number(amount);
  const dirty = mode === "shared" ? reserved !== undefined : next !== reserved;
  // What the account keeps unreserved once this is saved: this function's current reservation comes back.
  const available = unreserved !== undefined ? unreserved + (reserved ?? 0) : undefined;
  const maxReservable = available !== undefined ? available - MIN_UNRESERVED : undefined;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = ReservedConcurrencyFormSchema.safeParse({
      functionName: name,
      ...(next !== undefined ? { reserved: next } : {}),
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    if (next !== undefined && maxReservable !== undefined && next > maxReservable) {
      setError(`At most ${maxReservable}: the account keeps ${MIN_UNRESERVED} unreserved for other functions.`);
      return;
    }
    const result = await update.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success(
        result.data.reserved === undefined
          ? "Reserved concurrency removed"
          : `Reserved ${result.data.reserved} concurrent executions`,
      );
    } else if (result.error.fieldErrors?.reservedConcurrentExecutions) {
      setError(result.error.fieldErrors.reservedConcurrentExecutions);
    } else {
      setFormError(result.error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="reserved-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="reserved-heading" className="text-sm font-medium">
          Reserved concurrency
        </h3>
        <p className="text-muted-foreground text-xs" aria-live="polite">
          {unreserved !== undefined && total !== undefined ? (
            <>
              Unreserved account concurrency:{" "}
              <span className="text-foreground tabular font-medium">{unreserved.toLocaleString("en")}</span> of{" "}
              <span className="tabular">{total.toLocaleString("en")}</span>
            </>
          ) : accountError ? (
            "Account settings unavailable"
          ) : (
            "Reading account settings…"
          )}
        </p>
      </div>
      <RadioGroup
        aria-label="Reserved concurrency"
        value={mode}
        onValueChange={(v) => {
          setMode(v as "shared" | "reserved");
          setError(undefined);
        }}
        className="gap-3"
        disabled={update.isPending}
      >
        <label className="flex items-start gap-2.5 text-sm">
          <RadioGroupItem value="shared" className="mt-0.5" aria-label="Use unreserved account concurrency" />
          <span>
            Use unreserved account concurrency
            <span className="text-muted-foreground block text-xs">
              Shares the account&apos;s pool with every function that has no reservation.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2.5 text-sm">
          <RadioGroupItem value="reserved" className="mt-0.5" aria-label="Reserve concurrency" />
          <span>
            Reserve concurrency
            <span className="text-muted-foreground block text-xs">
              Guarantees this many concurrent executions and caps the function at the same number. 0 stops all
              invocations.
            </span>
          </span>
        </label>
      </RadioGroup>
      {mode === "reserved" ? (
        <div className="grid max-w-xs gap-1.5 pl-6">
          <Label htmlFor="reserved-amount">Reserved concurrent executions</Label>
          <Input
            id="reserved-amount"
            type="number"
            inputMode="numeric"
            min={0}
            max={maxReservable}
            className="tabular"
            aria-invalid={error ? true : undefined}
            aria-describedby="reserved-amount-hint"
            value={amount}
            disabled={update.isPending}
            onChange={(e) => {
              setAmount(e.target.value);
              setError(undefined);
            }}
          />
          <p id="reserved-amount-hint" className={error ? "text-destructive text-xs" : "text-muted-foreground text-xs"}>
            {error ??
              (maxReservable !== undefined
                ? `0 – ${maxReservable.toLocaleString("en")}; ${MIN_UNRESERVED} always stay unreserved.`
                : "A whole number, 0 or more.")}
          </p>
        </div>
      ) : null}
      {formError ? <ErrorPanel error={formError} title="Could not save the reserved concurrency" /> : null}
      <div className="flex items-center justify-end gap-3">
        <SaveBar
          dirty={dirty}
          pending={update.isPending}
          onDiscard={() => {
            setMode(reserved === undefined ? "shared" : "reserved");
            setAmount(reserved === undefined ? "" : String(reserved));
            setError(undefined);
            setFormError(undefined);
          }}
        />
      </div>
    </form>
  );
}

const PC_COLUMNS = [
  { key: "qualifier", label: "Version or alias" },
  { key: "requested", label: "Requested", align: "right" as const },
  { key: "available", label: "Available", align: "right" as const },
  { key: "status", label: "Status" },
  { key: "actions", label: "Remove", align: "right" as const, srOnly: true },
];

function ProvisionedConcurrency({ name }: { name: string }) {
  const configs = useQuery(provisionedConcurrencyOptions(name));
  const remove = useDeleteProvisionedConcurrency();
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [removing, setRemoving] = useState<string | undefined>();

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="text-sm font-medium">Provisioned concurrency</h3>
          <p className="text-muted-foreground text-xs">
            Environments initialized before requests arrive, so a version or alias answers without cold starts.
          </p>
        </div>
        <Button
          size="sm"
          variant="outline"
          onClick={() => {
            setAddKey((k) => k + 1);
            setAdding(true);
          }}
        >
          <PlusIcon aria-hidden /> Add configuration
        </Button>
      </div>
      {configs.isPending ? (
        <SectionSkeleton rows={2} />
      ) : configs.isError ? (
        <ErrorPanel
          error={configs.error}
          title="Could not list provisioned concurrency"
          onRetry={() => void configs.refetch()}
          retrying={configs.isFetching}
        />
      ) : configs.data.length === 0 ? (
        <SectionEmpty>No provisioned concurrency. Every environment starts on demand (with a cold start).</SectionEmpty>
      ) : (
        <DataTable label="Provisioned concurrency" columns={PC_COLUMNS}>
          {configs.data.map((c) => (
            <DataRow key={c.Qualifier}>
              <DataCell>
                <span className="font-mono">{c.Qualifier}</span>
              </DataCell>
              <DataCell align="right">
                <span className="tabular">{c.RequestedProvisionedConcurrentExecutions ?? "—"}</span>
              </DataCell>
              <DataCell align="right">
                <span className="tabular">{c.AvailableProvisionedConcurrentExecutions ?? 0}</span>
              </DataCell>
              <DataCell className="w-full">
                <StateBadge state={c.Status} />
                {c.StatusReason ? (
                  <p className="text-muted-foreground mt-0.5 text-xs" title={c.StatusReason}>
                    {c.StatusReason}
                  </p>
                ) : null}
              </DataCell>
              <DataCell align="right">
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="text-muted-foreground hover:text-destructive size-7"
                  aria-label={`Remove provisioned concurrency of ${c.Qualifier}`}
                  onClick={() => setRemoving(c.Qualifier)}
                >
                  <Trash2Icon aria-hidden />
                </Button>
              </DataCell>
            </DataRow>
          ))}
        </DataTable>
      )}
      {adding ? (
        <ProvisionedConcurrencyDialog
          key={addKey}
          name={name}
          existing={configs.data ?? []}
          open
          onOpenChange={setAdding}
        />
      ) : null}
      <ConfirmActionDialog
        open={removing !== undefined}
        onOpenChange={(o) => {
          if (!o) setRemoving(undefined);
        }}
        title={`Remove provisioned concurrency of ${removing ?? ""}?`}
        description={<p>Its pre-initialized environments are released; requests start environments on demand again.</p>}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        run={() => remove.mutateAsync({ functionName: name, qualifier: removing ?? "" })}
        success={`Removed provisioned concurrency of ${removing ?? ""}`}
        errorTitle="Could not remove the configuration"
      />
    </div>
  );
}
