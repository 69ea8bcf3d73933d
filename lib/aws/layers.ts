/** Layer verbs, named like the API, plus the content download (GetLayerVersion's presigned Location). */
import "server-only";
import {
  DeleteLayerVersionCommand,
  GetLayerVersionCommand,
  ListLayersCommand,
  ListLayerVersionsCommand,
  PublishLayerVersionCommand,
  type Architecture,
  type LayerVersionsListItem,
  type Runtime,
} from "@aws-sdk/client-lambda";
import type { LayerSummary, LayerVersionDetail, LayerVersionSummary } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";
import { AwsCallError } from "./errors";

function toVersion(v: LayerVersionsListItem): LayerVersionSummary | undefined {
  if (!v.LayerVersionArn || v.Version === undefined) return undefined;
  return {
    LayerVersionArn: v.LayerVersionArn,
    Version: v.Version,
    ...(v.Description ? { Description: v.Description } : {}),
    ...(v.CreatedDate ? { CreatedDate: v.CreatedDate } : {}),
    ...(v.CompatibleRuntimes?.length ? { CompatibleRuntimes: [...v.CompatibleRuntimes] } : {}),
    ...(v.CompatibleArchitectures?.length ? { CompatibleArchitectures: [...v.CompatibleArchitectures] } : {}),
    ...(v.LicenseInfo ? { LicenseInfo: v.LicenseInfo } : {}),
  };
}

/** Every layer of the account and region, each with its newest version, following NextMarker. */
export async function listLayers(): Promise<LayerSummary[]> {
  const layers: LayerSummary[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() => lambdaClient().send(new ListLayersCommand({ Marker: marker, MaxItems: 50 })));
    for (const l of out.Layers ?? []) {
      if (!l.LayerName || !l.LayerArn) continue;
      const latest = l.LatestMatchingVersion ? toVersion(l.LatestMatchingVersion) : undefined;
      layers.push({
        LayerName: l.LayerName,
        LayerArn: l.LayerArn,
        ...(latest ? { LatestMatchingVersion: latest } : {}),
      });
    }
    marker = out.NextMarker;
  } while (marker);
  return layers;
}

/** A layer's versions, newest first (an unknown layer has none). */
export async function listLayerVersions(layerName: string): Promise<LayerVersionSummary[]> {
  const versions: LayerVersionSummary[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(new ListLayerVersionsCommand({ LayerName: layerName, Marker: marker, MaxItems: 50 })),
    );
    for (const v of out.LayerVersions ?? []) {
      const version = toVersion(v);
      if (version) versions.push(version);
    }
    marker = out.NextMarker;
  } while (marker);
  return versions;
}

interface LayerVersionOutput extends LayerVersionsListItem {
  LayerArn?: string;
  Content?: { CodeSha256?: string; CodeSize?: number; Location?: string };
}

function toDetail(out: LayerVersionOutput): LayerVersionDetail {
  const base = toVersion(out);
  if (!base) throw new Error("Lambda answered without the layer version's ARN and number");
  return {
    ...base,
    ...(out.LayerArn ? { LayerArn: out.LayerArn } : {}),
    ...(out.Content?.CodeSha256 ? { CodeSha256: out.Content.CodeSha256 } : {}),
    ...(out.Content?.CodeSize !== undefined ? { CodeSize: out.Content.CodeSize } : {}),
  };
}

export async function getLayerVersion(layerName: string, version: number): Promise<LayerVersionDetail> {
  const out = await call(() =>
    lambdaClient().send(new GetLayerVersionCommand({ LayerName: layerName, VersionNumber: version })),
  );
  return toDetail(out);
}

export async function publishLayerVersion(input: {
  layerName: string;
  zipFile: Uint8Array;
  description?: string;
  compatibleRuntimes?: string[];
  compatibleArchitectures?: string[];
  licenseInfo?: string;
}): Promise<LayerVersionDetail> {
  const out = await call(() =>
    lambdaClient().send(
      new PublishLayerVersionCommand({
        LayerName: input.layerName,
        Content: { ZipFile: input.zipFile },
        Description: input.description,
        LicenseInfo: input.licenseInfo,
        ...(input.compatibleRuntimes?.length ? { CompatibleRuntimes: input.compatibleRuntimes as Runtime[] } : {}),
        ...(input.compatibleArchitectures?.length
          ? { CompatibleArchitectures: input.compatibleArchitectures as Architecture[] }
          : {}),
      }),
    ),
  );
  return toDetail(out);
}

export async function deleteLayerVersion(layerName: string, version: number): Promise<void> {
  await call(() =>
    lambdaClient().send(new DeleteLayerVersionCommand({ LayerName: layerName, VersionNumber: version })),
  );
}

/** The version's zip, fetched server-side from GetLayerVersion's short-lived Content.Location. */
export async function getLayerVersionZip(layerName: string, version: number): Promise<Uint8Array> {
  const out = await call(() =>
    lambdaClient().send(new GetLayerVersionCommand({ LayerName: layerName, VersionNumber: version })),
  );
  const location = out.Content?.Location;
  if (!location) {
    throw new AwsCallError({
      code: "CodeLocationMissing",
      message: "GetLayerVersion returned no Content.Location for this version.",
      status: 502,
    });
  }
  const response = await call(() => fetch(location, { cache: "no-store" }));
  if (!response.ok) {
    throw new AwsCallError({
      code: "CodeDownloadFailed",
      message: `Downloading the layer content failed with HTTP ${response.status}.`,
      status: 502,
    });
  }
  return new Uint8Array(await response.arrayBuffer());
}
