"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import {
  CircleAlertIcon,
  LinkIcon,
  LoaderCircleIcon,
  PencilIcon,
  SquareArrowOutUpRightIcon,
  Trash2Icon,
} from "lucide-react";
import { toast } from "sonner";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { CopyButton } from "@/components/common/copy-button";
import { ErrorPanel } from "@/components/common/error-panel";
import { RelativeTime } from "@/components/common/relative-time";
import { SaveBar, SectionEmpty, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { hasPublicUrlAccess } from "@/components/permissions/policy-rows";
import { Button } from "@/components/ui/button";
import type { ActionError } from "@/lib/actions/result";
import { FunctionUrlFormSchema } from "@/lib/function-url-forms";
import type { FunctionUrlConfig } from "@/lib/lambda-types";
import {
  functionUrlOptions,
  useAllowPublicUrlAccess,
  useCreateFunctionUrl,
  useDeleteFunctionUrl,
  useUpdateFunctionUrl,
} from "@/lib/queries/function-url";
import { policyOptions } from "@/lib/queries/policy";
import { corsConfigFromForm, corsFormFromConfig, EMPTY_CORS_FORM } from "./cors-form";
import { FunctionUrlFields, type UrlFormErrors, type UrlFormValues } from "./function-url-form";
import { UrlTestPanel } from "./url-test-panel";

const DESCRIPTION = "A dedicated HTTP(S) endpoint for the function ($LATEST), without API Gateway.";

function valuesOf(config: FunctionUrlConfig | null): UrlFormValues {
  return config
    ? { authType: config.AuthType, invokeMode: config.InvokeMode ?? "BUFFERED", cors: corsFormFromConfig(config.Cors) }
    : { authType: "NONE", invokeMode: "BUFFERED", cors: { ...EMPTY_CORS_FORM } };
}

function errorsOf(issues: { path: PropertyKey[]; message: string }[]): UrlFormErrors {
  const errors: UrlFormErrors = {};
  for (const issue of issues) {
    const [first, second] = issue.path.map(String);
    if (first === "cors") {
      if (second === "MaxAge") errors.maxAge ??= issue.message;
      else if (second === "AllowOrigins") errors.origins ??= issue.message;
      else errors.cors ??= issue.message;
    } else if (first === "authType" || first === "invokeMode") errors[first] ??= issue.message;
  }
  return errors;
}

export function FunctionUrlSection({ name }: { name: string }) {
  const url = useQuery(functionUrlOptions(name));
  const policy = useQuery(policyOptions(name));
  const [editing, setEditing] = useState(false);

  if (url.isPending) {
    return (
      <SettingsSection id="function-url" title="Function URL" description={DESCRIPTION}>
        <SectionSkeleton rows={2} />
      </SettingsSection>
    );
  }
  if (url.isError) {
    return (
      <SettingsSection id="function-url" title="Function URL" description={DESCRIPTION}>
        <ErrorPanel
          error={url.error}
          title="Could not read the function URL"
          onRetry={() => void url.refetch()}
          retrying={url.isFetching}
        />
      </SettingsSection>
    );
  }
  if (editing) {
    return <UrlEditor name={name} config={url.data} onDone={() => setEditing(false)} />;
  }
  if (url.data === null) {
    return (
      <SettingsSection id="function-url" title="Function URL" description={DESCRIPTION}>
        <SectionEmpty
          action={
            <Button size="sm" onClick={() => setEditing(true)}>
              <LinkIcon aria-hidden /> Create function URL
            </Button>
          }
        >
          No function URL. Create one to call the function over plain HTTP(S) from curl, a browser or a webhook.
        </SectionEmpty>
      </SettingsSection>
    );
  }
  const missingPublicAccess =
    url.data.AuthType === "NONE" && policy.data !== undefined && !hasPublicUrlAccess(policy.data.statements);
  return (
    <UrlView name={name} config={url.data} missingPublicAccess={missingPublicAccess} onEdit={() => setEditing(true)} />
  );
}

function UrlView({
  name,
  config,
  missingPublicAccess,
  onEdit,
}: {
  name: string;
  config: FunctionUrlConfig;
  missingPublicAccess: boolean;
  onEdit: () => void;
}) {
  const remove = useDeleteFunctionUrl();
  const allow = useAllowPublicUrlAccess();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [allowError, setAllowError] = useState<ActionError | undefined>();
  const cors = config.Cors ? corsConfigFromForm(corsFormFromConfig(config.Cors)) : undefined;

  async function addPublicAccess() {
    setAllowError(undefined);
    const result = await allow.mutateAsync({ functionName: name });
    if (result.ok) toast.success("Public access added to the function's policy");
    else setAllowError(result.error);
  }

  return (
    <SettingsSection
      id="function-url"
      title="Function URL"
      description={DESCRIPTION}
      actions={
        <>
          <Button variant="outline" size="sm" onClick={onEdit}>
            <PencilIcon aria-hidden /> Edit
          </Button>
          <Button
            variant="outline"
            size="sm"
            className="text-destructive hover:text-destructive"
            onClick={() => setConfirmDelete(true)}
          >
            <Trash2Icon aria-hidden /> Delete
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <div className="bg-muted/40 flex flex-wrap items-center gap-2 rounded-lg border px-3 py-2.5">
          <a
            href={config.FunctionUrl}
            target="_blank"
            rel="noreferrer"
            className="text-primary min-w-0 flex-1 truncate font-mono text-[0.8125rem] underline-offset-4 hover:underline"
            aria-label={`Function URL ${config.FunctionUrl}`}
          >
            {config.FunctionUrl}
          </a>
          <CopyButton value={config.FunctionUrl} label="function URL" />
          <Button variant="outline" size="sm" asChild>
            <a href={config.FunctionUrl} target="_blank" rel="noreferrer">
              <SquareArrowOutUpRightIcon aria-hidden /> Open
            </a>
          </Button>
        </div>

        {missingPublicAccess ? (
          <div
            role="alert"
            className="border-warning/40 bg-warning-soft flex flex-wrap items-start gap-3 rounded-lg border px-4 py-3 text-sm"
          >
            <CircleAlertIcon className="text-warning mt-0.5 size-4 shrink-0" aria-hidden />
            <div className="min-w-0 flex-1 space-y-1">
              <p className="font-medium">This public URL answers 403 Forbidden</p>
              <p className="text-muted-foreground text-xs">
                Auth type NONE still needs a policy statement letting anyone (*) call lambda:InvokeFunctionUrl. The API
                does not add it (the AWS console does); this URL was probably created with the CLI or an SDK.
              </p>
              {allowError ? <ErrorPanel error={allowError} title="Could not add the permission" /> : null}
            </div>
            <Button size="sm" variant="outline" onClick={() => void addPublicAccess()} disabled={allow.isPending}>
              {allow.isPending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
              Add public permission
            </Button>
          </div>
        ) : null}

        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-muted-foreground text-xs">Auth type</dt>
            <dd className="font-mono text-[0.8125rem]">{config.AuthType}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">Invoke mode</dt>
            <dd className="font-mono text-[0.8125rem]">{config.InvokeMode ?? "BUFFERED"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">CORS</dt>
            <dd className="truncate" title={cors?.AllowOrigins?.join(", ")}>
              {cors ? `${cors.AllowOrigins?.join(", ") ?? "no origins"}` : "Off"}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">Last modified</dt>
            <dd>
              <RelativeTime value={config.LastModifiedTime ?? config.CreationTime} />
            </dd>
          </div>
        </dl>

        <div className="space-y-2 border-t pt-4">
          <h3 className="text-sm font-medium">Try it</h3>
          <UrlTestPanel name={name} authType={config.AuthType} />
        </div>
      </div>

      <ConfirmActionDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete the function URL?"
        description={
          <p>
            Requests to <span className="font-mono break-all">{config.FunctionUrl}</span> stop working at once. A new
            URL gets a new address. The public-access statements the console added are removed too.
          </p>
        }
        confirmLabel="Delete URL"
        pendingLabel="Deleting…"
        run={() => remove.mutateAsync({ functionName: name })}
        success="Function URL deleted"
        errorTitle="Could not delete the function URL"
      />
    </SettingsSection>
  );
}

function UrlEditor({ name, config, onDone }: { name: string; config: FunctionUrlConfig | null; onDone: () => void }) {
  const create = useCreateFunctionUrl();
  const update = useUpdateFunctionUrl();
  const [values, setValues] = useState(() => valuesOf(config));
  const [errors, setErrors] = useState<UrlFormErrors>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const pending = create.isPending || update.isPending;
  const creating = config === null;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const cors = corsConfigFromForm(values.cors);
    if (values.cors.maxAge.trim() !== "" && !Number.isFinite(Number(values.cors.maxAge))) {
      setErrors({ maxAge: "Enter seconds." });
      return;
    }
    const parsed = FunctionUrlFormSchema.safeParse({
      functionName: name,
      authType: values.authType,
      invokeMode: values.invokeMode,
      ...(cors ? { cors } : {}),
    });
    if (!parsed.success) {
      setErrors(errorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    const result = creating ? await create.mutateAsync(parsed.data) : await update.mutateAsync(parsed.data);
    if (!result.ok) {
      const fields = result.error.fieldErrors ?? {};
      if (fields.cors) setErrors({ cors: fields.cors });
      else setFormError(result.error);
      return;
    }
    if (result.data.permissionError) {
      toast.warning(creating ? "URL created, but not public yet" : "URL saved, but its policy was not updated", {
        description: result.data.permissionError.message,
      });
    } else {
      toast.success(creating ? "Function URL created" : "Function URL saved");
    }
    onDone();
  }

  return (
    <SettingsSection
      id="function-url"
      title={creating ? "Create function URL" : "Edit function URL"}
      description={DESCRIPTION}
      onSubmit={onSubmit}
      footer={
        <SaveBar
          dirty
          pending={pending}
          onDiscard={onDone}
          discardLabel="Cancel"
          saveLabel={creating ? "Create URL" : "Save URL"}
          status={creating ? "New URL" : "Editing"}
        />
      }
    >
      <div className="space-y-4">
        <FunctionUrlFields values={values} onChange={setValues} errors={errors} disabled={pending} />
        {formError ? (
          <ErrorPanel
            error={formError}
            title={creating ? "Could not create the function URL" : "Could not save the function URL"}
          />
        ) : null}
      </div>
    </SettingsSection>
  );
}
