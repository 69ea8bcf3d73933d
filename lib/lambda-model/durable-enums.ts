/**
 * The durable-execution enums as the reference defines them: the one source for the console's types and
 * the emulator's, so a value added to the reference reaches both with `npm run gen:model`.
 */
import { typeEnums } from "./generated/enums";

export const DURABLE_EXECUTION_STATUSES = typeEnums.Execution.Status;
export type DurableExecutionStatus = (typeof DURABLE_EXECUTION_STATUSES)[number];

export type DurableEventType = (typeof typeEnums.Event.EventType)[number];
export type DurableOperationType = (typeof typeEnums.Operation.Type)[number];
export type DurableOperationStatus = (typeof typeEnums.Operation.Status)[number];
export type DurableOperationAction = (typeof typeEnums.OperationUpdate.Action)[number];
