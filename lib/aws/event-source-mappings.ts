/** Event source mapping verbs, named like the API. */
import "server-only";
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  type EventSourceMappingConfiguration,
  type UpdateEventSourceMappingCommandInput,
} from "@aws-sdk/client-lambda";
import type { EventSourceMapping } from "@/lib/lambda-types";
import { call, plain } from "./call";
import { lambdaClient } from "./client";

function toMapping(m: EventSourceMappingConfiguration): EventSourceMapping | undefined {
  if (!m.UUID) return undefined;
  return plain({
    ...m,
    UUID: m.UUID,
    ...(m.LastModified ? { LastModified: new Date(m.LastModified).toISOString() } : {}),
    ...(m.StartingPositionTimestamp
      ? { StartingPositionTimestamp: new Date(m.StartingPositionTimestamp).toISOString() }
      : {}),
  } as EventSourceMapping);
}

function required(m: EventSourceMapping | undefined): EventSourceMapping {
  if (!m) throw new Error("Lambda answered without the mapping's UUID");
  return m;
}

/** Every mapping (optionally of one function), following NextMarker. */
export async function listEventSourceMappings(functionName?: string): Promise<EventSourceMapping[]> {
  const mappings: EventSourceMapping[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(
        new ListEventSourceMappingsCommand({ FunctionName: functionName, Marker: marker, MaxItems: 100 }),
      ),
    );
    for (const m of out.EventSourceMappings ?? []) {
      const mapping = toMapping(m);
      if (mapping) mappings.push(mapping);
    }
    marker = out.NextMarker;
  } while (marker);
  return mappings;
}

export async function getEventSourceMapping(uuid: string): Promise<EventSourceMapping> {
  const out = await call(() => lambdaClient().send(new GetEventSourceMappingCommand({ UUID: uuid })));
  return required(toMapping(out));
}

/** The API's timestamp member travels as ISO-8601 through the action; the SDK wants a Date. */
function withDate<T extends Record<string, unknown>>(request: T): T {
  const at = request.StartingPositionTimestamp;
  return typeof at === "string" || typeof at === "number"
    ? { ...request, StartingPositionTimestamp: new Date(typeof at === "number" ? at * 1000 : at) }
    : request;
}

/** `request` has been checked against the model's schema for CreateEventSourceMapping (lib/esm-forms.ts). */
export async function createEventSourceMapping(request: Record<string, unknown>): Promise<EventSourceMapping> {
  const out = await call(() =>
    lambdaClient().send(
      new CreateEventSourceMappingCommand(withDate(request) as unknown as CreateEventSourceMappingCommandInput),
    ),
  );
  return required(toMapping(out));
}

/** `request` has been checked against the model's schema for UpdateEventSourceMapping. */
export async function updateEventSourceMapping(request: Record<string, unknown>): Promise<EventSourceMapping> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateEventSourceMappingCommand(request as unknown as UpdateEventSourceMappingCommandInput),
    ),
  );
  return required(toMapping(out));
}

export async function deleteEventSourceMapping(uuid: string): Promise<EventSourceMapping> {
  const out = await call(() => lambdaClient().send(new DeleteEventSourceMappingCommand({ UUID: uuid })));
  return required(toMapping(out));
}
