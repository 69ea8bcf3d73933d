/**
 * Which Lambda the console talks to, switchable at run time. The choices are the start-up environment
 * (what `npm start` or LAMBDA_ENDPOINT / AWS_PROFILE chose), every AWS profile on this machine, and
 * endpoints saved on the Settings page. The active choice is console-wide (a local tool has one user),
 * kept in the console store so it survives restarts, and read on every call: a point read in SQLite is
 * cheaper than any cache invalidation across Next's server bundles.
 */
import "server-only";
import { listAwsProfiles, type AwsProfile } from "@/lib/aws/profiles";
import { endpointHost, type Connection, type ConnectionChoices, type ConnectionOption } from "@/lib/connection";
import { configFromEnv, environmentConfig, isLoopback, type ServerConfig } from "@/lib/env";
import { consoleDb } from "@/lib/store/console-db";
import { connectionStore, type SavedConnection } from "@/lib/store/connections";

export const ENVIRONMENT_ID = "environment";
const ACTIVE_KEY = "connection.active";

/** What is remembered of the active choice: enough to rebuild its config without reading ~/.aws again. */
interface ActiveChoice {
  id: string;
  region?: string;
  endpointUrl?: string;
  /** The start-up connection when the choice was made (see `readChoice`). */
  startup: string;
}

/**
 * A choice holds only while the console starts the way it did when the choice was made: started with
 * another LAMBDA_ENDPOINT or AWS_PROFILE, the console follows what it was just told, never an older pick
 * (which could be a real AWS account).
 */
function startupFingerprint(): string {
  const { kind, endpoint, region, profile } = environmentConfig().connection;
  return JSON.stringify([kind, endpoint, region, profile ?? ""]);
}

const store = () => connectionStore(consoleDb());

function readChoice(): ActiveChoice | undefined {
  const raw = store().getSetting(ACTIVE_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as ActiveChoice;
    return typeof parsed.id === "string" && parsed.startup === startupFingerprint() ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function profileConfig(name: string, region: string, endpointUrl?: string): ServerConfig {
  const endpoint = endpointUrl?.replace(/\/$/, "");
  const kind = endpoint ? (isLoopback(endpoint) ? "emulator" : "endpoint") : "aws";
  // No static keys: the SDK resolves the profile's credentials (keys, SSO, role) itself.
  return {
    connection: {
      kind,
      endpoint: endpoint ?? `https://lambda.${region}.amazonaws.com`,
      region,
      profile: name,
    },
  };
}

function savedConfig(saved: SavedConnection): ServerConfig {
  return configFromEnv({
    LAMBDA_ENDPOINT: saved.endpoint,
    // Said when the address misleads: LocalStack on localhost, or the emulator read as any endpoint would be.
    LAMBDA_CONNECTION_KIND: saved.kind,
    AWS_REGION: saved.region,
    AWS_ACCESS_KEY_ID: saved.accessKeyId,
    AWS_SECRET_ACCESS_KEY: saved.secretAccessKey,
  });
}

function configOfChoice(choice: ActiveChoice | undefined): ServerConfig {
  if (!choice || choice.id === ENVIRONMENT_ID) return environmentConfig();
  if (choice.id.startsWith("profile:")) {
    return profileConfig(choice.id.slice("profile:".length), choice.region ?? "us-east-1", choice.endpointUrl);
  }
  if (choice.id.startsWith("saved:")) {
    const saved = store().get(choice.id.slice("saved:".length));
    if (saved) return savedConfig(saved);
  }
  // The chosen connection was deleted: fall back to the start-up one rather than fail every page.
  return environmentConfig();
}

/** The connection in use, with its credentials (server only). */
export function serverConfig(): ServerConfig {
  return configOfChoice(readChoice());
}

/** The non-secret description of the connection in use, for the UI. */
export function currentConnection(): Connection {
  return serverConfig().connection;
}

export function activeConnectionId(): string {
  const choice = readChoice();
  if (!choice) return ENVIRONMENT_ID;
  if (choice.id.startsWith("saved:") && !store().get(choice.id.slice("saved:".length))) return ENVIRONMENT_ID;
  return choice.id;
}

function environmentLabel(connection: Connection): string {
  if (connection.kind === "emulator") return "Local emulator";
  if (connection.kind === "aws")
    return connection.profile ? `AWS · ${connection.profile}` : "AWS · default credentials";
  return `Endpoint · ${endpointHost(connection.endpoint)}`;
}

function profileRegion(profile: AwsProfile, choice: ActiveChoice | undefined): string {
  if (choice?.id === `profile:${profile.name}` && choice.region) return choice.region;
  return profile.region ?? environmentConfig().connection.region;
}

/** Every connection the console can switch to, and which one is active. */
export async function connectionChoices(): Promise<ConnectionChoices> {
  const choice = readChoice();
  const environment = environmentConfig().connection;
  const options: ConnectionOption[] = [
    {
      id: ENVIRONMENT_ID,
      label: environmentLabel(environment),
      source: "environment",
      connection: environment,
      regionChoice: false,
    },
  ];
  for (const profile of await listAwsProfiles()) {
    // The start-up environment already stands for its own profile.
    if (environment.kind === "aws" && environment.profile === profile.name) continue;
    const connection = profileConfig(profile.name, profileRegion(profile, choice), profile.endpointUrl).connection;
    options.push({
      id: `profile:${profile.name}`,
      label: profile.name,
      source: "profile",
      connection,
      regionChoice: connection.kind === "aws",
    });
  }
  for (const saved of store().list()) {
    options.push({
      id: `saved:${saved.id}`,
      label: saved.label,
      source: "saved",
      connection: savedConfig(saved).connection,
      regionChoice: false,
    });
  }
  return { activeId: activeConnectionId(), options };
}

/** The config of any listed connection (to test one before switching to it). */
export async function configOfOption(id: string, region?: string): Promise<ServerConfig | undefined> {
  if (id === ENVIRONMENT_ID) return environmentConfig();
  if (id.startsWith("profile:")) {
    const name = id.slice("profile:".length);
    const profile = (await listAwsProfiles()).find((p) => p.name === name);
    if (!profile) return undefined;
    return profileConfig(name, region ?? profileRegion(profile, readChoice()), profile.endpointUrl);
  }
  if (id.startsWith("saved:")) {
    const saved = store().get(id.slice("saved:".length));
    return saved ? savedConfig(saved) : undefined;
  }
  return undefined;
}

/** Makes `id` the active connection (with `region`, for AWS profiles). False when it does not exist. */
export async function chooseConnection(id: string, region?: string): Promise<Connection | undefined> {
  const config = await configOfOption(id, region);
  if (!config) return undefined;
  const choice: ActiveChoice = { id, startup: startupFingerprint() };
  if (id.startsWith("profile:")) {
    choice.region = config.connection.region;
    if (config.connection.kind !== "aws") choice.endpointUrl = config.connection.endpoint;
  }
  store().setSetting(ACTIVE_KEY, id === ENVIRONMENT_ID ? undefined : JSON.stringify(choice));
  return config.connection;
}
