/** A next step for well-known failures; undefined when the message already says everything. */
import type { ConsoleError } from "@/lib/console-error";

export function errorHint(error: ConsoleError): string | undefined {
  switch (error.code) {
    case "EndpointUnreachable":
      return "Is it running? Start the emulator with npm run emulator (npm start runs both), check that the endpoint is reachable from the console's server, or switch to another connection from the header's connection menu.";
    case "UnrecognizedClientException":
    case "InvalidSignatureException":
    case "ExpiredTokenException":
      return "The credentials were rejected. Check the connection's keys or profile (Settings), or AWS_PROFILE / AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY for the start-up one.";
    case "AccessDeniedException":
      return "The credentials are valid but lack permission for this call.";
    case "TooManyRequestsException":
      return "Lambda is throttling requests. Wait a moment, then try again.";
    case "PreconditionFailedException":
      return "Someone changed the function since you loaded it. Reload to get the latest version.";
    case "UnknownOperationException":
    case "UnexpectedError":
      return error.status === 404 || error.code === "UnknownOperationException"
        ? "This endpoint does not implement the operation yet."
        : undefined;
    default:
      return undefined;
  }
}
