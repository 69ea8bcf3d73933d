/** Capacity provider forms, from Create/UpdateCapacityProvider's members and their types' constraints. */
import { z } from "zod";
import { inputMember, typeMember } from "@/lib/lambda-model/model";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

const subnets = typeMember("CapacityProviderVpcConfig", "SubnetIds");
const groups = typeMember("CapacityProviderVpcConfig", "SecurityGroupIds");
const vcpu = typeMember("CapacityProviderScalingConfig", "MaxVCpuCount");
const target = typeMember("TargetTrackingScalingPolicy", "TargetValue");
const instanceTypes = typeMember("InstanceRequirements", "AllowedInstanceTypes");

export const CAPACITY_LIMITS = {
  subnetsMax: subnets.maxItems ?? 16,
  securityGroupsMax: groups.maxItems ?? 5,
  vcpuMin: vcpu.min ?? 2,
  vcpuMax: vcpu.max ?? 15000,
} as const;

const Scaling = {
  scalingMode: z.enum(["Auto", "Manual"]),
  maxVCpuCount: z
    .number({ error: "Enter a number of vCPUs." })
    .int({ error: "Whole vCPUs only." })
    .min(CAPACITY_LIMITS.vcpuMin, { error: `At least ${CAPACITY_LIMITS.vcpuMin} vCPUs.` })
    .max(CAPACITY_LIMITS.vcpuMax, { error: `At most ${CAPACITY_LIMITS.vcpuMax} vCPUs.` })
    .optional(),
  targetCpuUtilization: z
    .number({ error: "Enter a percentage." })
    .min(target.min ?? 0, { error: "At least 0%." })
    .max(target.max ?? 100, { error: "At most 100%." })
    .optional(),
};

const manualNeedsTarget = (v: { scalingMode: string; targetCpuUtilization?: number | undefined }) =>
  v.scalingMode !== "Manual" || v.targetCpuUtilization !== undefined;
const TARGET_REQUIRED = { error: "Manual scaling needs a target CPU utilization.", path: ["targetCpuUtilization"] };

const InstanceTypes = z
  .array(z.string())
  .refine((t) => memberSchema(instanceTypes).safeParse(t).success, {
    error: "Instance types look like m7g.large or c7i.*.",
  })
  .optional();

export const CreateCapacityProviderFormSchema = z
  .object({
    name: z
      .string()
      .min(1, { error: "Enter a name." })
      .max(140, { error: "Names are at most 140 characters." })
      .pipe(
        friendly(
          memberSchema(inputMember("CreateCapacityProvider", "CapacityProviderName")),
          "Use letters, digits, hyphens and underscores.",
        ),
      ),
    subnetIds: z
      .array(z.string().min(1))
      .min(1, { error: "Add at least one subnet." })
      .max(CAPACITY_LIMITS.subnetsMax, { error: `At most ${CAPACITY_LIMITS.subnetsMax} subnets.` }),
    securityGroupIds: z.array(z.string().min(1)).max(CAPACITY_LIMITS.securityGroupsMax, {
      error: `At most ${CAPACITY_LIMITS.securityGroupsMax} security groups.`,
    }),
    operatorRoleArn: friendly(
      memberSchema(typeMember("CapacityProviderPermissionsConfig", "CapacityProviderOperatorRoleArn")),
      "Enter an IAM role ARN, like arn:aws:iam::123456789012:role/lambda-capacity-operator.",
    ),
    architecture: z.enum(["x86_64", "arm64"]).optional(),
    allowedInstanceTypes: InstanceTypes,
    excludedInstanceTypes: InstanceTypes,
    ...Scaling,
  })
  .refine(manualNeedsTarget, TARGET_REQUIRED)
  .refine((v) => !(v.allowedInstanceTypes?.length && v.excludedInstanceTypes?.length), {
    error: "Allow some instance types or exclude some, not both.",
    path: ["excludedInstanceTypes"],
  });
export type CreateCapacityProviderFormSchema = z.infer<typeof CreateCapacityProviderFormSchema>;

export const UpdateCapacityProviderFormSchema = z
  .object({ name: z.string().min(1), ...Scaling })
  .refine(manualNeedsTarget, TARGET_REQUIRED);
export type UpdateCapacityProviderFormSchema = z.infer<typeof UpdateCapacityProviderFormSchema>;

export const CapacityProviderRefSchema = z.object({ name: z.string().min(1) });
