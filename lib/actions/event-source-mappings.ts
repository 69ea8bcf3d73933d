"use server";
/** Event source mapping writes: create, update (also enable/disable), delete. */
import {
  createEventSourceMapping,
  deleteEventSourceMapping,
  updateEventSourceMapping,
} from "@/lib/aws/event-source-mappings";
import {
  CreateEventSourceMappingSchema,
  EventSourceMappingRefSchema,
  SetMappingEnabledSchema,
  UpdateEventSourceMappingSchema,
} from "@/lib/esm-forms";
import { defineAction } from "./define-action";

export const createEventSourceMappingAction = defineAction(CreateEventSourceMappingSchema, async (input) =>
  createEventSourceMapping(input.request),
);

export const updateEventSourceMappingAction = defineAction(UpdateEventSourceMappingSchema, async (input) =>
  updateEventSourceMapping(input.request),
);

export const setEventSourceMappingEnabledAction = defineAction(SetMappingEnabledSchema, async (input) =>
  updateEventSourceMapping({ UUID: input.uuid, Enabled: input.enabled }),
);

export const deleteEventSourceMappingAction = defineAction(EventSourceMappingRefSchema, async (input) =>
  deleteEventSourceMapping(input.uuid),
);
