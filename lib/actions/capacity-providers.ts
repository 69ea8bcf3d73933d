"use server";
/** Capacity provider writes. */
import { createCapacityProvider, deleteCapacityProvider, updateCapacityProvider } from "@/lib/aws/capacity-providers";
import {
  CapacityProviderRefSchema,
  CreateCapacityProviderFormSchema,
  UpdateCapacityProviderFormSchema,
} from "@/lib/capacity-provider-forms";
import { defineAction } from "./define-action";

const scaling = (input: { scalingMode: "Auto" | "Manual"; maxVCpuCount?: number; targetCpuUtilization?: number }) => ({
  scalingMode: input.scalingMode,
  ...(input.maxVCpuCount !== undefined ? { maxVCpuCount: input.maxVCpuCount } : {}),
  ...(input.targetCpuUtilization !== undefined ? { targetCpuUtilization: input.targetCpuUtilization } : {}),
});

export const createCapacityProviderAction = defineAction(CreateCapacityProviderFormSchema, async (input) =>
  createCapacityProvider({
    name: input.name,
    subnetIds: input.subnetIds,
    securityGroupIds: input.securityGroupIds,
    operatorRoleArn: input.operatorRoleArn,
    ...(input.architecture ? { architecture: input.architecture } : {}),
    ...(input.allowedInstanceTypes?.length ? { allowedInstanceTypes: input.allowedInstanceTypes } : {}),
    ...(input.excludedInstanceTypes?.length ? { excludedInstanceTypes: input.excludedInstanceTypes } : {}),
    ...scaling(input),
  }),
);

export const updateCapacityProviderAction = defineAction(UpdateCapacityProviderFormSchema, async (input) =>
  updateCapacityProvider(input.name, scaling(input)),
);

export const deleteCapacityProviderAction = defineAction(CapacityProviderRefSchema, async (input) => {
  await deleteCapacityProvider(input.name);
  return input;
});
