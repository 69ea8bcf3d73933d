/**
 * The AWS profiles on this machine (`~/.aws/config` and `~/.aws/credentials`, or AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE), read with the SDK's own parser so names and regions match what the SDK
 * will use. Only names and regions leave this file — never keys.
 */
import "server-only";
import { loadSharedConfigFiles } from "@smithy/core/config";

export interface AwsProfile {
  name: string;
  /** `region` from the profile's config section, when it names one. */
  region?: string;
  /** `endpoint_url` from the profile, when it routes the SDK elsewhere (LocalStack, an emulator). */
  endpointUrl?: string;
}

/** Profiles by name; a missing or unreadable file is simply no profiles. */
export async function listAwsProfiles(): Promise<AwsProfile[]> {
  let files: Awaited<ReturnType<typeof loadSharedConfigFiles>>;
  try {
    // Read afresh each time: the Settings page should see a profile added after the server started.
    files = await loadSharedConfigFiles({ ignoreCache: true });
  } catch {
    return [];
  }
  const names = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  return [...names]
    .filter((name) => name.trim() !== "")
    .sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)))
    .map((name) => {
      const config = files.configFile[name] ?? {};
      return {
        name,
        ...(config.region ? { region: config.region } : {}),
        ...(config.endpoint_url ? { endpointUrl: config.endpoint_url } : {}),
      };
    });
}
