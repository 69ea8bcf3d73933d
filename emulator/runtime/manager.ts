/**
 * Execution environments: child processes speaking the Lambda Runtime API. Placeholder interface; the
 * implementation lands with the runtime work (see emulator/runtime/README.md once written).
 */
import type { EmulatorContext } from "../context";
import type { FunctionConfig } from "../store/functions-repo";

export interface InvokeParams {
  /** The resolved function version to run. */
  config: FunctionConfig;
  codeHash: string | null;
  /** ARN the caller used (with alias or version qualifier), passed to the function as invokedFunctionArn. */
  invokedArn: string;
  payload: Buffer;
  requestId: string;
  /** Base64 ClientContext header as received. */
  clientContext?: string;
  tenantId?: string;
  signal?: AbortSignal;
}

export interface InvokeResult {
  payload: Buffer;
  /** Set when the function failed ("Unhandled"), as X-Amz-Function-Error. */
  functionError?: "Unhandled" | "Handled";
  /** The invocation's log text (START … END … REPORT lines included). */
  logs: string;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
}

export class RuntimeManager {
  constructor(protected readonly ctx: EmulatorContext) {}

  invoke(_params: InvokeParams): Promise<InvokeResult> {
    return Promise.reject(new Error("runtime not implemented"));
  }

  async shutdown(): Promise<void> {}
}
