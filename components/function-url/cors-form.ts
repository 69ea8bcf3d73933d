/** The CORS editor's fields ↔ the API's `Cors` object. Lists are edited as text, one entry per line or comma. */
import { splitList } from "@/components/common/split-list";
import type { CorsConfig } from "@/lib/lambda-types";

export interface CorsForm {
  enabled: boolean;
  /** One origin per line (or comma-separated), e.g. https://example.com or *. */
  allowOrigins: string;
  allowMethods: string[];
  allowHeaders: string;
  exposeHeaders: string;
  /** Seconds, as typed; empty means not set. */
  maxAge: string;
  allowCredentials: boolean;
}

export const EMPTY_CORS_FORM: CorsForm = {
  enabled: false,
  allowOrigins: "*",
  allowMethods: ["*"],
  allowHeaders: "",
  exposeHeaders: "",
  maxAge: "",
  allowCredentials: false,
};

export { splitList } from "@/components/common/split-list";

export function corsFormFromConfig(cors: CorsConfig | undefined): CorsForm {
  const has =
    cors !== undefined &&
    Boolean(
      cors.AllowOrigins?.length ||
      cors.AllowMethods?.length ||
      cors.AllowHeaders?.length ||
      cors.ExposeHeaders?.length ||
      cors.MaxAge !== undefined ||
      cors.AllowCredentials,
    );
  if (!has) return { ...EMPTY_CORS_FORM };
  return {
    enabled: true,
    allowOrigins: (cors.AllowOrigins ?? []).join("\n"),
    allowMethods: [...(cors.AllowMethods ?? [])],
    allowHeaders: (cors.AllowHeaders ?? []).join(", "),
    exposeHeaders: (cors.ExposeHeaders ?? []).join(", "),
    maxAge: cors.MaxAge !== undefined ? String(cors.MaxAge) : "",
    allowCredentials: cors.AllowCredentials ?? false,
  };
}

/** Undefined when CORS is off (no `Cors` on create; an update clears it). Only set fields are sent. */
export function corsConfigFromForm(form: CorsForm): CorsConfig | undefined {
  if (!form.enabled) return undefined;
  const origins = splitList(form.allowOrigins);
  const headers = splitList(form.allowHeaders);
  const expose = splitList(form.exposeHeaders);
  const maxAge = form.maxAge.trim();
  return {
    ...(origins.length > 0 ? { AllowOrigins: origins } : {}),
    ...(form.allowMethods.length > 0 ? { AllowMethods: form.allowMethods } : {}),
    ...(headers.length > 0 ? { AllowHeaders: headers } : {}),
    ...(expose.length > 0 ? { ExposeHeaders: expose } : {}),
    ...(maxAge !== "" ? { MaxAge: Number(maxAge) } : {}),
    ...(form.allowCredentials ? { AllowCredentials: true } : {}),
  };
}

/** `*` means every method: choosing it clears the others, choosing another clears `*`. */
export function toggleMethod(methods: string[], method: string, on: boolean): string[] {
  if (!on) return methods.filter((m) => m !== method);
  if (method === "*") return ["*"];
  return [...methods.filter((m) => m !== "*"), method];
}
