/**
 * Connection writes. They change what every other query means, so nothing is invalidated here: a switch
 * reloads the page (see components/connections/use-switch-connection.ts) and the other writes refresh
 * the server-rendered list of choices.
 */
import { useMutation } from "@tanstack/react-query";
import {
  checkConnectionAction,
  deleteConnectionAction,
  saveConnectionAction,
  switchConnectionAction,
} from "@/lib/actions/connections";
import type { ActionInput } from "./action-input";

export function useSaveConnection() {
  return useMutation({ mutationFn: (input: ActionInput<typeof saveConnectionAction>) => saveConnectionAction(input) });
}

export function useSwitchConnection() {
  return useMutation({
    mutationFn: (input: ActionInput<typeof switchConnectionAction>) => switchConnectionAction(input),
  });
}

export function useCheckConnection() {
  return useMutation({
    mutationFn: (input: ActionInput<typeof checkConnectionAction>) => checkConnectionAction(input),
  });
}

export function useDeleteConnection() {
  return useMutation({
    mutationFn: (input: ActionInput<typeof deleteConnectionAction>) => deleteConnectionAction(input),
  });
}
