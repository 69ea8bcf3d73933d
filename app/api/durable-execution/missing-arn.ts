/** The answer for a durable-execution read without `?arn=`: the console's own validation error. */
export function missingArn(): Response {
  return Response.json(
    { error: { code: "ValidationError", message: "Pass the execution ARN as ?arn=.", status: 400 } },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}
