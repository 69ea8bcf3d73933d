"use server";
/**
 * Connections: add an endpoint, switch the console to a connection, check one, remove one. The switch is
 * console-wide; the page that asked reloads so nothing cached from the old connection stays on screen.
 */
import { checkConnection } from "@/lib/aws/account";
import { chooseConnection, configOfOption } from "@/lib/connection-registry";
import { ConnectionRefSchema, SaveConnectionSchema } from "@/lib/connection-forms";
import { consoleDb } from "@/lib/store/console-db";
import { ConnectionStoreError, connectionStore } from "@/lib/store/connections";
import { ActionFailure, defineAction } from "./define-action";

const missing = () =>
  new ActionFailure({ code: "ResourceNotFoundException", message: "This connection no longer exists." });

export const saveConnectionAction = defineAction(SaveConnectionSchema, async (input) => {
  try {
    const { kind, ...rest } = input;
    const saved = connectionStore(consoleDb()).create({
      ...rest,
      endpoint: input.endpoint.replace(/\/$/, ""),
      ...(kind !== "auto" ? { kind } : {}),
    });
    return { id: `saved:${saved.id}` };
  } catch (error) {
    if (error instanceof ConnectionStoreError) {
      throw new ActionFailure({ code: error.code, message: error.message, fieldErrors: { label: error.message } });
    }
    throw error;
  }
});

export const switchConnectionAction = defineAction(ConnectionRefSchema, async ({ id, region }) => {
  const connection = await chooseConnection(id, region);
  if (!connection) throw missing();
  return connection;
});

export const checkConnectionAction = defineAction(ConnectionRefSchema, async ({ id, region }) => {
  const config = await configOfOption(id, region);
  if (!config) throw missing();
  return checkConnection(config);
});

export const deleteConnectionAction = defineAction(ConnectionRefSchema, async ({ id }) => {
  if (!id.startsWith("saved:")) {
    throw new ActionFailure({
      code: "InvalidParameterValueException",
      message: "Only connections added here can be removed; profiles live in ~/.aws.",
    });
  }
  try {
    connectionStore(consoleDb()).delete(id.slice("saved:".length));
  } catch (error) {
    if (error instanceof ConnectionStoreError) throw missing();
    throw error;
  }
  return { id };
});
