/**
 * Event source mappings: every field of the reference validated, stored and returned, with the state
 * lifecycle the service reports (Creating → Enabled / Disabled, Updating, Enabling, Disabling,
 * Deleting → gone).
 *
 * Nothing polls: reading real SQS queues, Kinesis / DynamoDB streams, Kafka, MQ or DocumentDB is out of
 * reach offline (docs/api-coverage.md). A mapping whose function is deleted stays, with its FunctionArn,
 * as in AWS.
 */
import { randomUUID } from "node:crypto";
import type {
  CreateEventSourceMappingRequest,
  DeleteEventSourceMappingRequest,
  GetEventSourceMappingRequest,
  ListEventSourceMappingsRequest,
  UpdateEventSourceMappingRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { LambdaError, invalidParameter, resourceConflict, resourceNotFound } from "../errors";
import { arnOf, parseTarget, resolveVersion } from "../functions/resolve";
import { addTags } from "../functions/tags";
import { KIND } from "../store/kinds";
import {
  checkSettings,
  configFor,
  settingsOf,
  sourceKindOf,
  type MappingConfig,
  type MappingSettings,
  type SourceKind,
} from "./event-source-mapping-rules";
import { paginate } from "./paging";
import { isOverdue, scheduleTransition } from "./state-transitions";
import type { ApiRequest, HandlerMap, Input } from "./types";

/** The stored document: the configuration as returned, and the state it settles to. */
interface MappingDoc {
  Configuration: MappingConfig;
  Enabled: boolean;
}

const DEFAULT_LIST = 100;
// "ListEventSourceMappings returns a maximum of 100 items in each response, even if you set the number higher."
const MAX_LIST = 100;
const TRANSITIONAL = new Set(["Creating", "Updating", "Enabling", "Disabling", "Deleting"]);

const notFound = () => resourceNotFound("The resource you requested does not exist.");
const nowSeconds = () => Date.now() / 1000;

function mappingArn(ctx: EmulatorContext, uuid: string): string {
  return `arn:aws:lambda:${ctx.config.region}:${ctx.config.accountId}:event-source-mapping:${uuid}`;
}

/** The function ARN a FunctionName parameter names (qualified when it names an alias or version). */
function functionArnFor(ctx: EmulatorContext, functionName: string): { arn: string; name: string } {
  const target = parseTarget(ctx, functionName);
  try {
    resolveVersion(ctx, target);
  } catch (e) {
    // The service answers a mapping to a missing function (or alias, or version) this way.
    if (e instanceof LambdaError && e.name === "ResourceNotFoundException") {
      throw invalidParameter("Function does not exist");
    }
    throw e;
  }
  return {
    arn: target.qualifier ? arnOf(ctx, target.name, target.qualifier) : arnOf(ctx, target.name),
    name: target.name,
  };
}

/** Moves a mapping past its transitional state; a Deleting mapping disappears. */
function settle(ctx: EmulatorContext, uuid: string): void {
  ctx.resources.transaction(() => {
    const doc = ctx.resources.get<MappingDoc>(KIND.eventSourceMapping, uuid);
    if (!doc || !TRANSITIONAL.has(doc.Configuration.State ?? "")) return;
    if (doc.Configuration.State === "Deleting") {
      ctx.resources.delete(KIND.eventSourceMapping, uuid);
      ctx.resources.delete(KIND.tags, doc.Configuration.EventSourceMappingArn ?? mappingArn(ctx, uuid));
      return;
    }
    const State = doc.Enabled ? "Enabled" : "Disabled";
    ctx.resources.put<MappingDoc>(KIND.eventSourceMapping, uuid, {
      ...doc,
      Configuration: { ...doc.Configuration, State, LastModified: nowSeconds() },
    });
  });
}

function schedule(ctx: EmulatorContext, uuid: string): void {
  scheduleTransition(ctx, `event source mapping ${uuid}`, () => settle(ctx, uuid));
}

/** Settles transitions whose timer was lost (the emulator stopped before it fired). */
function settleOverdue(ctx: EmulatorContext): void {
  for (const { key, doc } of ctx.resources.entries<MappingDoc>(KIND.eventSourceMapping)) {
    const c = doc.Configuration;
    if (TRANSITIONAL.has(c.State ?? "") && isOverdue(ctx, (c.LastModified ?? 0) * 1000)) settle(ctx, key);
  }
}

function requireMapping(ctx: EmulatorContext, uuid: string): MappingDoc {
  const doc = ctx.resources.get<MappingDoc>(KIND.eventSourceMapping, uuid);
  if (!doc) throw notFound();
  return doc;
}

/** The service refuses a second mapping of the same source to the same function (Kafka: per topic). */
function assertUnique(
  ctx: EmulatorContext,
  kind: SourceKind,
  candidate: { uuid: string; settings: MappingSettings; functionArn: string; functionName: string },
): void {
  const sources = (s: MappingSettings) =>
    s.EventSourceArn ? [s.EventSourceArn] : (s.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? []);
  const mine = sources(candidate.settings);
  for (const { key, doc } of ctx.resources.entries<MappingDoc>(KIND.eventSourceMapping)) {
    const other = doc.Configuration;
    if (key === candidate.uuid || other.State === "Deleting" || other.FunctionArn !== candidate.functionArn) continue;
    const theirs = sources(settingsOf(other));
    if (!theirs.some((s) => mine.includes(s))) continue;
    if (kind === "sqs") {
      throw resourceConflict(
        `An event source mapping with SQS arn (" ${other.EventSourceArn} ") and function (" ${candidate.functionName} ") already exists. Please update or delete the existing mapping with UUID ${key}`,
      );
    }
    if (kind === "msk" || kind === "kafka") {
      const topics = candidate.settings.Topics ?? [];
      if (!(other.Topics ?? []).some((t) => topics.includes(t))) continue;
      throw resourceConflict(
        `An event source mapping with event source ("${mine.join(",")}"), function ("${candidate.functionArn}"), topics ("${topics.join(",")}") already exists. Please update or delete the existing mapping with UUID ${key}`,
      );
    }
    throw resourceConflict(
      `The event source arn (" ${other.EventSourceArn} ") and function (" ${candidate.functionName} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${key}`,
    );
  }
}

/** Strips the request-only members, leaving the mapping's settings. */
function settingsFromCreate(input: Input<CreateEventSourceMappingRequest, "FunctionName">): MappingSettings {
  const { FunctionName: _f, Enabled: _e, Tags: _t, ...settings } = input;
  return settings;
}

// POST /2015-03-31/event-source-mappings — CreateEventSourceMapping
const createEventSourceMapping = (
  req: ApiRequest<Input<CreateEventSourceMappingRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const settings = settingsFromCreate(input);
  const kind = sourceKindOf(settings);
  checkSettings(kind, settings);
  const uuid = randomUUID();
  const doc = ctx.resources.transaction(() => {
    const fn = functionArnFor(ctx, input.FunctionName);
    assertUnique(ctx, kind, { uuid, settings, functionArn: fn.arn, functionName: fn.name });
    const arn = mappingArn(ctx, uuid);
    const next: MappingDoc = {
      Configuration: configFor(kind, settings, {
        UUID: uuid,
        FunctionArn: fn.arn,
        EventSourceMappingArn: arn,
        LastModified: nowSeconds(),
        State: "Creating",
      }),
      Enabled: input.Enabled ?? true,
    };
    ctx.resources.insert(KIND.eventSourceMapping, uuid, next);
    // Tags go through the same limits as TagResource (tags.ts).
    if (input.Tags && Object.keys(input.Tags).length > 0) addTags(ctx, arn, input.Tags);
    return next;
  });
  schedule(ctx, uuid);
  return { status: 202, body: doc.Configuration };
};

// GET /2015-03-31/event-source-mappings/{UUID} — GetEventSourceMapping
const getEventSourceMapping = (req: ApiRequest<Input<GetEventSourceMappingRequest, "UUID">>, ctx: EmulatorContext) => {
  settleOverdue(ctx);
  return { body: requireMapping(ctx, req.input.UUID).Configuration };
};

/** Merges the members of an update request into stored settings (null / absent members keep theirs). */
function mergeUpdate(current: MappingSettings, input: Input<UpdateEventSourceMappingRequest, "UUID">): MappingSettings {
  const { UUID: _u, FunctionName: _f, Enabled: _e, ...changes } = input;
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== null) merged[k] = v;
  return merged as MappingSettings;
}

// PUT /2015-03-31/event-source-mappings/{UUID} — UpdateEventSourceMapping
const updateEventSourceMapping = (
  req: ApiRequest<Input<UpdateEventSourceMappingRequest, "UUID">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  settleOverdue(ctx);
  const doc = ctx.resources.transaction(() => {
    const current = requireMapping(ctx, input.UUID);
    const config = current.Configuration;
    if (TRANSITIONAL.has(config.State ?? "")) {
      throw new LambdaError(
        "ResourceInUseException",
        400,
        "Cannot update the event source mapping because it is in use.",
      );
    }
    const settings = mergeUpdate(settingsOf(config), input);
    const kind = sourceKindOf(settings);
    checkSettings(kind, settings);
    const fn = input.FunctionName
      ? functionArnFor(ctx, input.FunctionName)
      : { arn: config.FunctionArn, name: config.FunctionArn.split(":")[6] ?? "" };
    if (fn.arn !== config.FunctionArn) {
      assertUnique(ctx, kind, { uuid: input.UUID, settings, functionArn: fn.arn, functionName: fn.name });
    }
    const enabled = input.Enabled ?? current.Enabled;
    const State = enabled === current.Enabled ? "Updating" : enabled ? "Enabling" : "Disabling";
    const next: MappingDoc = {
      Enabled: enabled,
      Configuration: configFor(kind, settings, {
        UUID: config.UUID,
        FunctionArn: fn.arn,
        EventSourceMappingArn: config.EventSourceMappingArn ?? mappingArn(ctx, config.UUID),
        LastModified: nowSeconds(),
        State,
      }),
    };
    ctx.resources.put(KIND.eventSourceMapping, input.UUID, next);
    return next;
  });
  schedule(ctx, input.UUID);
  return { status: 202, body: doc.Configuration };
};

// DELETE /2015-03-31/event-source-mappings/{UUID} — DeleteEventSourceMapping
const deleteEventSourceMapping = (
  req: ApiRequest<Input<DeleteEventSourceMappingRequest, "UUID">>,
  ctx: EmulatorContext,
) => {
  settleOverdue(ctx);
  const doc = ctx.resources.transaction(() => {
    const current = requireMapping(ctx, req.input.UUID);
    if (TRANSITIONAL.has(current.Configuration.State ?? "")) {
      throw new LambdaError(
        "ResourceInUseException",
        400,
        "Cannot delete the event source mapping because it is in use.",
      );
    }
    const next: MappingDoc = {
      ...current,
      Configuration: { ...current.Configuration, State: "Deleting", LastModified: nowSeconds() },
    };
    ctx.resources.put(KIND.eventSourceMapping, req.input.UUID, next);
    return next;
  });
  schedule(ctx, req.input.UUID);
  return { status: 202, body: doc.Configuration };
};

// GET /2015-03-31/event-source-mappings — ListEventSourceMappings
const listEventSourceMappings = (req: ApiRequest<Input<ListEventSourceMappingsRequest>>, ctx: EmulatorContext) => {
  settleOverdue(ctx);
  const { EventSourceArn, FunctionName } = req.input;
  // A function filter names the function exactly as mappings record it: unqualified, or with its alias /
  // version. The function need not exist any more (its mappings outlive it).
  let functionArn: string | undefined;
  if (FunctionName) {
    const target = parseTarget(ctx, FunctionName);
    functionArn = target.qualifier ? arnOf(ctx, target.name, target.qualifier) : arnOf(ctx, target.name);
  }
  const entries = ctx.resources
    .entries<MappingDoc>(KIND.eventSourceMapping)
    .filter(
      (e) =>
        (!EventSourceArn || e.doc.Configuration.EventSourceArn === EventSourceArn) &&
        (!functionArn || e.doc.Configuration.FunctionArn === functionArn),
    );
  const page = paginate(entries, (e) => e.seq, req.input, { defaultLimit: DEFAULT_LIST, maxLimit: MAX_LIST });
  return {
    body: {
      // Encrypted filter criteria are not shown in lists, as the service hides them there.
      EventSourceMappings: page.items.map(({ doc: { Configuration: c } }) => {
        if (!c.KMSKeyArn || !c.FilterCriteria) return c;
        const { FilterCriteria: _hidden, ...rest } = c;
        return rest;
      }),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

export const eventSourceMappingHandlers: HandlerMap = {
  CreateEventSourceMapping: createEventSourceMapping,
  GetEventSourceMapping: getEventSourceMapping,
  UpdateEventSourceMapping: updateEventSourceMapping,
  DeleteEventSourceMapping: deleteEventSourceMapping,
  ListEventSourceMappings: listEventSourceMappings,
};
