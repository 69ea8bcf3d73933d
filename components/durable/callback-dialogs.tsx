"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Segmented } from "@/components/common/segmented";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionError } from "@/lib/actions/result";
import {
  SendCallbackFailureFormSchema,
  SendCallbackSuccessFormSchema,
  type CallbackResultFormat,
} from "@/lib/durable-forms";
import { useSendCallbackFailure, useSendCallbackSuccess } from "@/lib/queries/durable-executions";
import { cn } from "@/lib/utils";

/** A callback that already got its answer (or timed out) says so; tell the user what that means. */
function explain(error: ActionError): string | undefined {
  if (error.code === "CallbackTimeoutException" || error.code === "ResourceNotFoundException") {
    return "The callback is no longer waiting: it was answered, timed out, or its execution ended.";
  }
  return undefined;
}

interface CallbackDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  executionArn: string;
  callbackId: string;
  /** How the callback is named to the user (its operation's name). */
  label: string;
}

/** What both answers share: a dialog that cannot close while sending, the form, and why a send failed. */
function CallbackDialog({
  open,
  onOpenChange,
  pending,
  title,
  description,
  formId,
  onSubmit,
  error,
  errorTitle,
  submitLabel,
  destructive,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending: boolean;
  title: string;
  description: React.ReactNode;
  formId: string;
  onSubmit: (event: React.FormEvent) => void;
  error: ActionError | undefined;
  errorTitle: string;
  submitLabel: string;
  destructive?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form id={formId} noValidate onSubmit={onSubmit} className="grid gap-3">
          {children}
          {error ? (
            <ErrorPanel error={error} title={errorTitle}>
              {explain(error) ? <p className="text-muted-foreground">{explain(error)}</p> : null}
            </ErrorPanel>
          ) : null}
        </form>
        <FormDialogFooter
          pending={pending}
          submitLabel={submitLabel}
          pendingLabel="Sending…"
          onCancel={() => onOpenChange(false)}
          form={formId}
          destructive={destructive}
        />
      </DialogContent>
    </Dialog>
  );
}

/**
 * SendDurableExecutionCallbackSuccess: the result goes to the function exactly as typed. JSON is checked
 * before sending (the SDK's default callback serdes parses it); Text is sent as is.
 */
export function SendCallbackSuccessDialog({
  open,
  onOpenChange,
  executionArn,
  callbackId,
  label,
}: CallbackDialogProps) {
  const send = useSendCallbackSuccess();
  const [result, setResult] = useState('{\n  "approved": true\n}');
  const [format, setFormat] = useState<CallbackResultFormat>("json");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ActionError | undefined>();
  const pending = send.isPending;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    const parsed = SendCallbackSuccessFormSchema.safeParse({ executionArn, callbackId, result, format });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    const out = await send.mutateAsync(parsed.data);
    if (out.ok) {
      toast.success(`Sent the result to ${label}`, { description: "The execution resumes with it." });
      onOpenChange(false);
    } else setError(out.error);
  }

  return (
    <CallbackDialog
      open={open}
      onOpenChange={onOpenChange}
      pending={pending}
      title="Send callback success"
      description={
        <>
          Completes <span className="text-foreground font-medium">{label}</span> with this result, as{" "}
          <code className="font-mono text-xs">SendDurableExecutionCallbackSuccess</code> would.
        </>
      }
      formId="callback-success-form"
      onSubmit={onSubmit}
      error={error}
      errorTitle="Could not send the result"
      submitLabel="Send success"
    >
      <div className="flex items-center justify-between gap-3">
        <span className="text-sm font-medium">Format</span>
        <Segmented<CallbackResultFormat>
          label="Result format"
          value={format}
          onValueChange={(v) => {
            setFormat(v);
            setFieldError(undefined);
          }}
          options={[
            {
              value: "json",
              label: "JSON",
              hint: "Checked before sending; the SDK parses JSON results by default.",
            },
            { value: "text", label: "Text", hint: "Sent exactly as typed." },
          ]}
        />
      </div>
      <FormField id="callback-result" label="Result" error={fieldError} hint="At most 256 KB.">
        {(control) => (
          <Textarea
            {...control}
            autoFocus
            spellCheck={false}
            rows={7}
            className={cn(MONO_FIELD, "max-h-72 min-h-32")}
            value={result}
            onChange={(e) => {
              setResult(e.target.value);
              setFieldError(undefined);
            }}
          />
        )}
      </FormField>
    </CallbackDialog>
  );
}

/** SendDurableExecutionCallbackFailure: the function's callback promise rejects with this error. */
export function SendCallbackFailureDialog({
  open,
  onOpenChange,
  executionArn,
  callbackId,
  label,
}: CallbackDialogProps) {
  const send = useSendCallbackFailure();
  const [errorType, setErrorType] = useState("Rejected");
  const [errorMessage, setErrorMessage] = useState("");
  const [errorData, setErrorData] = useState("");
  const [error, setError] = useState<ActionError | undefined>();
  const pending = send.isPending;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    const parsed = SendCallbackFailureFormSchema.safeParse({
      executionArn,
      callbackId,
      ...(errorType.trim() ? { errorType: errorType.trim() } : {}),
      ...(errorMessage.trim() ? { errorMessage: errorMessage.trim() } : {}),
      ...(errorData.trim() ? { errorData: errorData.trim() } : {}),
    });
    if (!parsed.success) {
      setError({ code: "ValidationError", message: parsed.error.issues[0]?.message ?? "The error is not valid." });
      return;
    }
    const out = await send.mutateAsync(parsed.data);
    if (out.ok) {
      toast.success(`Sent a failure to ${label}`, { description: "The function sees its callback fail." });
      onOpenChange(false);
    } else setError(out.error);
  }

  return (
    <CallbackDialog
      open={open}
      onOpenChange={onOpenChange}
      pending={pending}
      title="Send callback failure"
      description={
        <>
          Fails <span className="text-foreground font-medium">{label}</span>: the function&apos;s callback rejects with
          this error.
        </>
      }
      formId="callback-failure-form"
      onSubmit={onSubmit}
      error={error}
      errorTitle="Could not send the failure"
      submitLabel="Send failure"
      destructive
    >
      <FormField id="callback-error-type" label="Error type">
        {(control) => (
          <Input
            {...control}
            autoFocus
            spellCheck={false}
            className={MONO_FIELD}
            value={errorType}
            onChange={(e) => setErrorType(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="callback-error-message" label="Error message">
        {(control) => (
          <Input
            {...control}
            placeholder="Why it failed"
            value={errorMessage}
            onChange={(e) => setErrorMessage(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="callback-error-data" label="Error data (optional)" hint="Machine-readable detail, often JSON.">
        {(control) => (
          <Textarea
            {...control}
            spellCheck={false}
            rows={3}
            className={cn(MONO_FIELD, "max-h-48")}
            value={errorData}
            onChange={(e) => setErrorData(e.target.value)}
          />
        )}
      </FormField>
    </CallbackDialog>
  );
}
