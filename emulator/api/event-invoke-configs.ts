/**
 * Asynchronous invocation configs: Put replaces the whole config (omitted settings are removed), Update
 * changes only the settings given. Destinations must be SQS queues, SNS topics, EventBridge buses, other
 * existing Lambda functions, or (on failure only) S3 buckets.
 */
import type {
  DeleteFunctionEventInvokeConfigRequest,
  DestinationConfig,
  GetFunctionEventInvokeConfigRequest,
  ListFunctionEventInvokeConfigsRequest,
  PutFunctionEventInvokeConfigRequest,
  UpdateFunctionEventInvokeConfigRequest,
} from "@aws-sdk/client-lambda";
import { parseFunctionRef } from "../../lib/lambda-model/arns";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError, resourceNotFound } from "../errors";
import { eventInvokeConfigFor, qualifierOfConfig, type EventInvokeConfigDoc } from "../functions/event-invoke-config";
import { qualifierKey, qualifierSortKey, resolveQualifier, type ResolvedQualifier } from "../functions/qualifiers";
import { arnOf, parseTarget } from "../functions/resolve";
import { KIND } from "../store/kinds";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input, Wire } from "./types";

const CONFIGS_PAGE_MAX = 50;

type Settings = Pick<
  Wire<PutFunctionEventInvokeConfigRequest>,
  "MaximumRetryAttempts" | "MaximumEventAgeInSeconds" | "DestinationConfig"
>;

const functionMissing = () => resourceNotFound("The function doesn't exist.");

const noConfig = (ctx: EmulatorContext, name: string, qualifier: string | undefined) =>
  resourceNotFound(`The function ${arnOf(ctx, name, qualifier ?? "$LATEST")} doesn't have an EventInvokeConfig`);

/** Resolves FunctionName + Qualifier, answering `notFound()` when the function or qualifier is missing. */
function target(
  ctx: EmulatorContext,
  functionName: string,
  qualifierParam: string | undefined | null,
  notFound: (name: string, qualifier: string | undefined) => Error,
): ResolvedQualifier {
  const { name, qualifier } = parseTarget(ctx, functionName, qualifierParam);
  try {
    return resolveQualifier(ctx, name, qualifier);
  } catch (e) {
    if (e instanceof LambdaError && e.name === "ResourceNotFoundException") throw notFound(name, qualifier);
    throw e;
  }
}

function requireSomeSetting(input: Settings): void {
  if (input.MaximumRetryAttempts == null && input.MaximumEventAgeInSeconds == null && input.DestinationConfig == null) {
    throw invalidParameter("You must specify at least one of error handling or destination setting.");
  }
}

/** Checks destinations as the service does; `""` clears a destination. */
function checkDestinations(ctx: EmulatorContext, functionName: string, config: Wire<DestinationConfig>): void {
  const success = config.OnSuccess?.Destination || undefined;
  const failure = config.OnFailure?.Destination || undefined;
  const acceptable = (arn: string, onFailure: boolean): boolean => {
    const [prefix, , service] = arn.split(":");
    if (prefix !== "arn") return false;
    switch (service) {
      case "sqs":
      case "sns":
      case "events":
        return true;
      case "s3":
        return onFailure;
      case "lambda": {
        const ref = parseFunctionRef(arn);
        if (!ref?.region || ref.region !== ctx.config.region || ref.account !== ctx.config.accountId) {
          throw invalidParameter(`The destination ARN ${arn} is invalid.`);
        }
        if (ref.name === functionName) {
          throw invalidParameter("You can't specify the function as a destination for itself.");
        }
        if (!ctx.functions.exists(ref.name)) throw invalidParameter(`The destination ARN ${arn} is invalid.`);
        return true;
      }
      default:
        return false;
    }
  };
  const okSuccess = success === undefined || acceptable(success, false);
  const okFailure = failure === undefined || acceptable(failure, true);
  if (!okSuccess || !okFailure) {
    const onSuccess = success ? `OnSuccess(destination=${success})` : "null";
    const onFailure = failure ? `OnFailure(destination=${failure})` : "null";
    throw invalidParameter(
      `The provided destination config DestinationConfig(onSuccess=${onSuccess}, onFailure=${onFailure}) is invalid.`,
    );
  }
}

const destination = (value: string | undefined | null): { Destination?: string } =>
  value ? { Destination: value } : {};

function configDoc(ctx: EmulatorContext, t: ResolvedQualifier, settings: Settings): EventInvokeConfigDoc {
  return {
    FunctionArn: arnOf(ctx, t.name, t.qualifier),
    LastModified: Date.now() / 1000,
    ...(settings.MaximumRetryAttempts != null ? { MaximumRetryAttempts: settings.MaximumRetryAttempts } : {}),
    ...(settings.MaximumEventAgeInSeconds != null
      ? { MaximumEventAgeInSeconds: settings.MaximumEventAgeInSeconds }
      : {}),
    DestinationConfig: {
      OnSuccess: destination(settings.DestinationConfig?.OnSuccess?.Destination),
      OnFailure: destination(settings.DestinationConfig?.OnFailure?.Destination),
    },
  };
}

/** Put and Update differ only in the settings they store (`settingsFor`, which may refuse); one transaction. */
function writeConfig(
  ctx: EmulatorContext,
  input: Input<PutFunctionEventInvokeConfigRequest, "FunctionName">,
  settingsFor: (t: ResolvedQualifier) => Settings,
) {
  requireSomeSetting(input);
  const doc = ctx.resources.transaction(() => {
    const t = target(ctx, input.FunctionName, input.Qualifier, functionMissing);
    const settings = settingsFor(t);
    if (input.DestinationConfig) checkDestinations(ctx, t.name, input.DestinationConfig);
    const next = configDoc(ctx, t, settings);
    ctx.resources.put(KIND.eventInvokeConfig, qualifierKey(t.name, t.qualifier), next, t.name);
    return next;
  });
  return { body: doc };
}

// PUT /2019-09-25/functions/{FunctionName}/event-invoke-config — PutFunctionEventInvokeConfig
const putConfig = (req: ApiRequest<Input<PutFunctionEventInvokeConfigRequest, "FunctionName">>, ctx: EmulatorContext) =>
  writeConfig(ctx, req.input, () => req.input);

// POST /2019-09-25/functions/{FunctionName}/event-invoke-config — UpdateFunctionEventInvokeConfig
const updateConfig = (
  req: ApiRequest<Input<UpdateFunctionEventInvokeConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  return writeConfig(ctx, input, (t) => {
    const current = eventInvokeConfigFor(ctx, t.name, t.qualifier);
    if (!current) throw noConfig(ctx, t.name, t.qualifier);
    const given = input.DestinationConfig;
    return {
      MaximumRetryAttempts: input.MaximumRetryAttempts ?? current.MaximumRetryAttempts,
      MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds ?? current.MaximumEventAgeInSeconds,
      // Each destination given replaces that destination; the other one stays.
      DestinationConfig: {
        OnSuccess: given?.OnSuccess ?? current.DestinationConfig.OnSuccess,
        OnFailure: given?.OnFailure ?? current.DestinationConfig.OnFailure,
      },
    };
  });
};

// GET /2019-09-25/functions/{FunctionName}/event-invoke-config — GetFunctionEventInvokeConfig
const getConfig = (
  req: ApiRequest<Input<GetFunctionEventInvokeConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const t = target(ctx, req.input.FunctionName, req.input.Qualifier, (n, q) => noConfig(ctx, n, q));
  const doc = eventInvokeConfigFor(ctx, t.name, t.qualifier);
  if (!doc) throw noConfig(ctx, t.name, t.qualifier);
  return { body: doc };
};

// DELETE /2019-09-25/functions/{FunctionName}/event-invoke-config — DeleteFunctionEventInvokeConfig
const deleteConfig = (
  req: ApiRequest<Input<DeleteFunctionEventInvokeConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  ctx.resources.transaction(() => {
    const t = target(ctx, req.input.FunctionName, req.input.Qualifier, (n, q) => noConfig(ctx, n, q));
    if (!ctx.resources.delete(KIND.eventInvokeConfig, qualifierKey(t.name, t.qualifier))) {
      throw noConfig(ctx, t.name, t.qualifier);
    }
  });
  return { status: 204 };
};

// GET /2019-09-25/functions/{FunctionName}/event-invoke-config/list — ListFunctionEventInvokeConfigs
const listConfigs = (
  req: ApiRequest<Input<ListFunctionEventInvokeConfigsRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const { name } = parseTarget(ctx, req.input.FunctionName);
  if (!ctx.functions.exists(name)) throw functionMissing();
  const docs = ctx.resources.all<EventInvokeConfigDoc>(KIND.eventInvokeConfig, { parent: name });
  const key = (d: EventInvokeConfigDoc) => qualifierSortKey(qualifierOfConfig(d));
  const page = paginate(sortedBy(docs, key), key, req.input, {
    defaultLimit: CONFIGS_PAGE_MAX,
    maxLimit: CONFIGS_PAGE_MAX,
  });
  return {
    body: { FunctionEventInvokeConfigs: page.items, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) },
  };
};

export const eventInvokeConfigHandlers: HandlerMap = {
  PutFunctionEventInvokeConfig: putConfig,
  UpdateFunctionEventInvokeConfig: updateConfig,
  GetFunctionEventInvokeConfig: getConfig,
  DeleteFunctionEventInvokeConfig: deleteConfig,
  ListFunctionEventInvokeConfigs: listConfigs,
};
