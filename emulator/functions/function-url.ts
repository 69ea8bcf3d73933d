/**
 * Function URL configs and the URLs themselves. Each URL has a 32-character lowercase id, as the
 * service's do, and is served on this machine at `http://<url-id>.lambda-url.<region>.localhost:<port>/`
 * (`*.localhost` resolves to loopback). The id is stored, not the URL, so the URL follows the port the
 * emulator listens on after a restart. The URL server finds a config by id with `findFunctionUrl`.
 */
import { randomInt } from "node:crypto";
import type { Cors } from "@aws-sdk/client-lambda";
import type { Wire } from "../api/types";
import type { EmulatorContext } from "../context";
import { KIND } from "../store/kinds";

/** KIND.functionUrl, key `${fn}:${qualifier}` (`$LATEST` when none), parent fn. */
export interface FunctionUrlDoc {
  UrlId: string;
  FunctionName: string;
  /** `$LATEST` or an alias name (URLs never point at a version number). */
  Qualifier: string;
  /** Unqualified for $LATEST, the alias ARN otherwise. */
  FunctionArn: string;
  AuthType: "NONE" | "AWS_IAM";
  Cors?: Wire<Cors>;
  InvokeMode: "BUFFERED" | "RESPONSE_STREAM";
  CreationTime: string;
  LastModifiedTime: string;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomUrlId(): string {
  let id = "";
  for (let i = 0; i < 32; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** A url id no other config uses. */
export function newUrlId(ctx: EmulatorContext): string {
  const taken = new Set(ctx.resources.all<FunctionUrlDoc>(KIND.functionUrl).map((d) => d.UrlId));
  let id = randomUrlId();
  while (taken.has(id)) id = randomUrlId();
  return id;
}

function port(ctx: EmulatorContext): string {
  const url = new URL(ctx.baseUrl);
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** The hostname (without port) a url id is served under. */
export function functionUrlHost(ctx: EmulatorContext, urlId: string): string {
  return `${urlId}.lambda-url.${ctx.config.region}.localhost`;
}

export function functionUrlOf(ctx: EmulatorContext, urlId: string): string {
  return `http://${functionUrlHost(ctx, urlId)}:${port(ctx)}/`;
}

/** The url id a request's Host header addresses, if it is a function URL host of this region. */
export function urlIdFromHost(ctx: EmulatorContext, host: string | undefined): string | undefined {
  const m = /^([a-z0-9]{32})\.lambda-url\.([a-z0-9-]+)\.localhost(?::\d+)?$/.exec((host ?? "").toLowerCase());
  return m && m[2] === ctx.config.region ? m[1] : undefined;
}

export function findFunctionUrl(ctx: EmulatorContext, urlId: string): FunctionUrlDoc | undefined {
  return ctx.resources.all<FunctionUrlDoc>(KIND.functionUrl).find((d) => d.UrlId === urlId);
}
