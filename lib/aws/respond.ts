/** Route-handler helpers: a lib/aws read as JSON, or its AWS error as `{ error }` with the AWS status. */
import "server-only";
import { AwsCallError, toAwsError } from "./errors";

export async function jsonFromAws<T>(read: () => Promise<T>): Promise<Response> {
  try {
    return Response.json(await read(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const detail = error instanceof AwsCallError ? error.detail : toAwsError(error);
    return Response.json({ error: detail }, { status: detail.status ?? 500, headers: { "cache-control": "no-store" } });
  }
}
