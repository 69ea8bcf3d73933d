/**
 * Ordered schema migrations. Each file holds one migration; ids are never reused or edited once shipped,
 * because data directories created by earlier builds replay only the ids they have not seen.
 */
import type { Db } from "../db";
import { m0001Functions } from "./0001-functions";
import { m0002Resources } from "./0002-resources";
import { m0003Invocations } from "./0003-invocations";
import { m0004AsyncQueue } from "./0004-async-queue";
import { m0005Durable } from "./0005-durable";
import { m0006LogStreams } from "./0006-log-streams";

export interface Migration {
  id: string;
  up: (db: Db) => void;
}

export const migrations: Migration[] = [
  m0001Functions,
  m0002Resources,
  m0003Invocations,
  m0004AsyncQueue,
  m0005Durable,
  m0006LogStreams,
];
