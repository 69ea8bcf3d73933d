/** Code signing config verbs, named like the API. */
import "server-only";
import {
  CreateCodeSigningConfigCommand,
  DeleteCodeSigningConfigCommand,
  ListCodeSigningConfigsCommand,
  UpdateCodeSigningConfigCommand,
  type CodeSigningConfig as SdkCodeSigningConfig,
  type CodeSigningPolicy,
} from "@aws-sdk/client-lambda";
import type { CodeSigningConfig } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";

function toConfig(c: SdkCodeSigningConfig | undefined): CodeSigningConfig | undefined {
  if (!c?.CodeSigningConfigId || !c.CodeSigningConfigArn) return undefined;
  return {
    CodeSigningConfigId: c.CodeSigningConfigId,
    CodeSigningConfigArn: c.CodeSigningConfigArn,
    ...(c.Description ? { Description: c.Description } : {}),
    SigningProfileVersionArns: [...(c.AllowedPublishers?.SigningProfileVersionArns ?? [])],
    UntrustedArtifactOnDeployment: c.CodeSigningPolicies?.UntrustedArtifactOnDeployment ?? "Warn",
    ...(c.LastModified ? { LastModified: c.LastModified } : {}),
  };
}

function required(c: CodeSigningConfig | undefined): CodeSigningConfig {
  if (!c) throw new Error("Lambda answered without the code signing config's id and ARN");
  return c;
}

export async function listCodeSigningConfigs(): Promise<CodeSigningConfig[]> {
  const configs: CodeSigningConfig[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(new ListCodeSigningConfigsCommand({ Marker: marker, MaxItems: 50 })),
    );
    for (const c of out.CodeSigningConfigs ?? []) {
      const config = toConfig(c);
      if (config) configs.push(config);
    }
    marker = out.NextMarker;
  } while (marker);
  return configs;
}

export interface CodeSigningConfigInput {
  description?: string;
  signingProfileVersionArns: string[];
  untrustedArtifactOnDeployment: "Warn" | "Enforce";
}

export async function createCodeSigningConfig(input: CodeSigningConfigInput): Promise<CodeSigningConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new CreateCodeSigningConfigCommand({
        Description: input.description,
        AllowedPublishers: { SigningProfileVersionArns: input.signingProfileVersionArns },
        CodeSigningPolicies: {
          UntrustedArtifactOnDeployment: input.untrustedArtifactOnDeployment as CodeSigningPolicy,
        },
      }),
    ),
  );
  return required(toConfig(out.CodeSigningConfig));
}

export async function updateCodeSigningConfig(arn: string, input: CodeSigningConfigInput): Promise<CodeSigningConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateCodeSigningConfigCommand({
        CodeSigningConfigArn: arn,
        Description: input.description ?? "",
        AllowedPublishers: { SigningProfileVersionArns: input.signingProfileVersionArns },
        CodeSigningPolicies: {
          UntrustedArtifactOnDeployment: input.untrustedArtifactOnDeployment as CodeSigningPolicy,
        },
      }),
    ),
  );
  return required(toConfig(out.CodeSigningConfig));
}

export async function deleteCodeSigningConfig(arn: string): Promise<void> {
  await call(() => lambdaClient().send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn })));
}
