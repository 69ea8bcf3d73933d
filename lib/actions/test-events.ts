"use server";
/** Saved test events: writes to the console's own store (lib/store), one action per verb. */
import { testEvents, TestEventError } from "@/lib/store";
import {
  CreateTestEventSchema,
  TEST_EVENT_NAME_MAX,
  TestEventRefSchema,
  UpdateTestEventSchema,
} from "@/lib/test-event-forms";
import { ActionFailure, defineAction } from "./define-action";

function expected<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof TestEventError) {
      throw new ActionFailure({
        code: error.code,
        message: error.message,
        ...(error.code === "ResourceConflictException" ? { fieldErrors: { name: error.message } } : {}),
      });
    }
    throw error;
  }
}

export const createTestEventAction = defineAction(CreateTestEventSchema, async (input) =>
  expected(() => testEvents().create(input.functionName, input.name, input.payload)),
);

export const updateTestEventAction = defineAction(UpdateTestEventSchema, async (input) =>
  expected(() =>
    testEvents().update(input.functionName, input.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.payload !== undefined ? { payload: input.payload } : {}),
    }),
  ),
);

export const duplicateTestEventAction = defineAction(TestEventRefSchema, async (input) =>
  expected(() => testEvents().duplicate(input.functionName, input.id, TEST_EVENT_NAME_MAX)),
);

export const deleteTestEventAction = defineAction(TestEventRefSchema, async (input) =>
  expected(() => {
    testEvents().delete(input.functionName, input.id);
    return { id: input.id };
  }),
);
