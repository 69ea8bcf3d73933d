"use client";

import { GlobeIcon, ShieldCheckIcon } from "lucide-react";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Segmented } from "@/components/common/segmented";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { CORS_LIMITS, CORS_METHODS } from "@/lib/function-url-forms";
import type { FunctionUrlAuthType, FunctionUrlInvokeMode } from "@/lib/lambda-types";
import { cn } from "@/lib/utils";
import { toggleMethod, type CorsForm } from "./cors-form";

export interface UrlFormValues {
  authType: FunctionUrlAuthType;
  invokeMode: FunctionUrlInvokeMode;
  cors: CorsForm;
}

export type UrlFormErrors = Partial<Record<"authType" | "invokeMode" | "cors" | "maxAge" | "origins", string>>;

const AUTH_OPTIONS: { value: FunctionUrlAuthType; title: string; body: string; icon: typeof GlobeIcon }[] = [
  {
    value: "NONE",
    title: "NONE — public",
    body: "Anyone with the URL can call it. The console also adds the resource-policy statements that allow this, as the AWS console does.",
    icon: GlobeIcon,
  },
  {
    value: "AWS_IAM",
    title: "AWS_IAM",
    body: "Only requests signed with SigV4 by IAM principals allowed to call lambda:InvokeFunctionUrl.",
    icon: ShieldCheckIcon,
  },
];

/** Auth type, invoke mode and CORS: the fields of Create/UpdateFunctionUrlConfig. */
export function FunctionUrlFields({
  values,
  onChange,
  errors,
  disabled,
}: {
  values: UrlFormValues;
  onChange: (values: UrlFormValues) => void;
  errors: UrlFormErrors;
  disabled?: boolean;
}) {
  const cors = values.cors;
  const setCors = (patch: Partial<CorsForm>) => onChange({ ...values, cors: { ...cors, ...patch } });

  return (
    <div className="space-y-6">
      <div className="grid gap-2">
        <Label id="url-auth-label">Auth type</Label>
        <RadioGroup
          aria-labelledby="url-auth-label"
          value={values.authType}
          onValueChange={(v) => onChange({ ...values, authType: v as FunctionUrlAuthType })}
          className="grid gap-3 sm:grid-cols-2"
          disabled={disabled}
        >
          {AUTH_OPTIONS.map((o) => (
            <label
              key={o.value}
              className={cn(
                "hover:bg-accent/40 flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors",
                values.authType === o.value && "border-primary/60 bg-accent/50",
              )}
            >
              <RadioGroupItem value={o.value} aria-label={o.title} className="mt-0.5" />
              <span className="space-y-1">
                <span className="flex items-center gap-1.5 text-sm font-medium">
                  <o.icon className="text-muted-foreground size-3.5" aria-hidden />
                  <span className="font-mono">{o.title}</span>
                </span>
                <span className="text-muted-foreground block text-xs">{o.body}</span>
              </span>
            </label>
          ))}
        </RadioGroup>
      </div>

      <div className="grid gap-2">
        <span className="text-sm leading-none font-medium">Invoke mode</span>
        <div className="flex flex-wrap items-center gap-3">
          <Segmented
            label="Invoke mode"
            value={values.invokeMode}
            onValueChange={(v) => onChange({ ...values, invokeMode: v })}
            options={[
              {
                value: "BUFFERED",
                label: "BUFFERED",
                hint: "The answer is sent when the function returns (up to 6 MB).",
              },
              {
                value: "RESPONSE_STREAM",
                label: "RESPONSE_STREAM",
                hint: "Bytes reach the caller as the function writes them (up to 20 MB); needs a streaming handler.",
              },
            ]}
          />
          <span className="text-muted-foreground text-xs">
            {values.invokeMode === "BUFFERED"
              ? "Answers when the function returns."
              : "Streams what a streamifyResponse handler writes."}
          </span>
        </div>
      </div>

      <fieldset className="bg-muted/30 grid gap-4 rounded-lg border p-4">
        <div className="flex items-start justify-between gap-4">
          <div className="space-y-0.5">
            <Label htmlFor="url-cors" className="text-sm font-medium">
              Cross-origin resource sharing (CORS)
            </Label>
            <p className="text-muted-foreground text-xs">
              Lets web pages on other origins call the URL from a browser. Lambda answers preflights itself.
            </p>
          </div>
          <Switch
            id="url-cors"
            checked={cors.enabled}
            disabled={disabled}
            onCheckedChange={(enabled) => setCors({ enabled })}
          />
        </div>
        {cors.enabled ? (
          <div className="grid gap-4 md:grid-cols-2">
            <FormField
              id="url-cors-origins"
              label="Allowed origins"
              error={errors.origins}
              hint={`One per line, e.g. https://example.com, or * for any. At most ${CORS_LIMITS.maxOrigins}.`}
              className="md:col-span-2"
            >
              {(control) => (
                <Textarea
                  {...control}
                  rows={2}
                  spellCheck={false}
                  className={cn("min-h-16", MONO_FIELD)}
                  value={cors.allowOrigins}
                  disabled={disabled}
                  onChange={(e) => setCors({ allowOrigins: e.target.value })}
                />
              )}
            </FormField>
            <div className="grid gap-2 md:col-span-2">
              <span id="url-cors-methods" className="text-sm leading-none font-medium">
                Allowed methods
              </span>
              <div role="group" aria-labelledby="url-cors-methods" className="flex flex-wrap gap-x-4 gap-y-2">
                {CORS_METHODS.map((m) => (
                  <label key={m} className="flex items-center gap-1.5 font-mono text-xs">
                    <Checkbox
                      checked={cors.allowMethods.includes(m)}
                      disabled={disabled}
                      aria-label={m === "*" ? "All methods (*)" : m}
                      onCheckedChange={(on) =>
                        setCors({ allowMethods: toggleMethod(cors.allowMethods, m, on === true) })
                      }
                    />
                    {m}
                  </label>
                ))}
              </div>
            </div>
            <FormField
              id="url-cors-headers"
              label="Allowed headers"
              hint="Comma-separated, e.g. content-type, x-api-key."
            >
              {(control) => (
                <Input
                  {...control}
                  spellCheck={false}
                  className={MONO_FIELD}
                  value={cors.allowHeaders}
                  disabled={disabled}
                  onChange={(e) => setCors({ allowHeaders: e.target.value })}
                />
              )}
            </FormField>
            <FormField id="url-cors-expose" label="Exposed headers" hint="Response headers scripts may read.">
              {(control) => (
                <Input
                  {...control}
                  spellCheck={false}
                  className={MONO_FIELD}
                  value={cors.exposeHeaders}
                  disabled={disabled}
                  onChange={(e) => setCors({ exposeHeaders: e.target.value })}
                />
              )}
            </FormField>
            <FormField
              id="url-cors-max-age"
              label="Max age (seconds)"
              error={errors.maxAge}
              hint={`How long browsers cache a preflight; 0 – ${CORS_LIMITS.maxAgeMax}.`}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={CORS_LIMITS.maxAgeMax}
                  className="tabular"
                  value={cors.maxAge}
                  disabled={disabled}
                  onChange={(e) => setCors({ maxAge: e.target.value })}
                />
              )}
            </FormField>
            <div className="flex items-center gap-2 self-center pt-4">
              <Switch
                id="url-cors-credentials"
                checked={cors.allowCredentials}
                disabled={disabled}
                onCheckedChange={(allowCredentials) => setCors({ allowCredentials })}
              />
              <Label htmlFor="url-cors-credentials" className="font-normal">
                Allow credentials (cookies, auth headers)
              </Label>
            </div>
          </div>
        ) : null}
        {errors.cors ? (
          <p role="alert" className="text-destructive text-xs">
            {errors.cors}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
