/** Asynchronous invocation settings: event age as hours/minutes/seconds, and what a destination ARN is. */

export interface Hms {
  hours: string;
  minutes: string;
  seconds: string;
}

/** 21600 → 6 h 0 min 0 s, as the fields show it. */
export function hmsFromSeconds(total: number): Hms {
  const t = Math.max(0, Math.floor(total));
  return {
    hours: String(Math.floor(t / 3600)),
    minutes: String(Math.floor((t % 3600) / 60)),
    seconds: String(t % 60),
  };
}

/** NaN when a field is not a whole number ≥ 0, so the schema can say "enter seconds". */
export function secondsFromHms(hms: Hms): number {
  const parts = [hms.hours, hms.minutes, hms.seconds].map((s) => (s.trim() === "" ? 0 : Number(s)));
  if (parts.some((n) => !Number.isInteger(n) || n < 0)) return Number.NaN;
  const [h = 0, m = 0, s = 0] = parts;
  return h * 3600 + m * 60 + s;
}

export type DestinationKind = "sqs" | "sns" | "events" | "lambda" | "s3" | "unknown";

export const DESTINATION_LABEL: Record<DestinationKind, string> = {
  sqs: "SQS queue",
  sns: "SNS topic",
  events: "EventBridge event bus",
  lambda: "Lambda function",
  s3: "S3 bucket",
  unknown: "Unrecognized ARN",
};

export function destinationKind(arn: string): DestinationKind {
  const service = /^arn:aws[a-zA-Z-]*:([a-z0-9-]+):/.exec(arn.trim())?.[1];
  switch (service) {
    case "sqs":
    case "sns":
    case "events":
    case "lambda":
    case "s3":
      return service;
    default:
      return "unknown";
  }
}
