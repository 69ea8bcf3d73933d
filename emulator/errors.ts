/**
 * Errors as the Lambda service sends them: the reference's HTTP status, the `x-amzn-ErrorType` header
 * and a JSON body `{"Type":"User","message":…}`. The SDK turns that into `error.name === <Name>`.
 */

export class LambdaError extends Error {
  readonly status: number;
  readonly type: "User" | "Service";
  /** Extra body members some errors carry (e.g. TooManyRequestsException.Reason, retryAfterSeconds). */
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    name: string,
    status: number,
    message: string,
    options: { type?: "User" | "Service"; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = name;
    this.status = status;
    this.type = options.type ?? (status >= 500 ? "Service" : "User");
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  body(): Record<string, unknown> {
    return { Type: this.type, message: this.message, ...this.extra };
  }
}

export const invalidParameter = (message: string) => new LambdaError("InvalidParameterValueException", 400, message);

export const invalidRequestContent = (message: string) =>
  new LambdaError("InvalidRequestContentException", 400, message);

export const resourceNotFound = (message: string) => new LambdaError("ResourceNotFoundException", 404, message);

export const resourceConflict = (message: string) => new LambdaError("ResourceConflictException", 409, message);

export const resourceInUse = (message: string) => new LambdaError("ResourceInUseException", 400, message);

export const preconditionFailed = (message: string) => new LambdaError("PreconditionFailedException", 412, message);

export const serviceError = (message: string) => new LambdaError("ServiceException", 500, message);

export const tooManyRequests = (message: string, reason: string, retryAfterSeconds?: number) =>
  new LambdaError("TooManyRequestsException", 429, message, {
    extra: {
      Reason: reason,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds: String(retryAfterSeconds) } : {}),
    },
    headers: retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {},
  });

export const requestTooLarge = (message: string) => new LambdaError("RequestTooLargeException", 413, message);

/** The RevisionId precondition AWS checks on updates: same message wording as the service. */
export function assertRevision(expected: string | undefined | null, actual: string): void {
  if (expected && expected !== actual) {
    throw preconditionFailed(
      "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
    );
  }
}

/** `Function not found: arn:aws:lambda:us-east-1:000000000000:function:name[:qualifier]` */
export const functionNotFound = (arn: string) => resourceNotFound(`Function not found: ${arn}`);
