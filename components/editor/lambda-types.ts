/**
 * Ambient declarations for Node handlers, bundled (the machines are offline, so no fetching
 * @types/aws-lambda): `import type { Handler } from "aws-lambda"` in TypeScript, JSDoc
 * `@type {import("aws-lambda").Handler}` in JavaScript, the `awslambda` streaming global, and the few
 * Node globals handlers use. A small, hand-written subset of @types/aws-lambda's shapes.
 */
export const AWS_LAMBDA_DTS = `declare module "aws-lambda" {
  export interface CognitoIdentity { cognitoIdentityId: string; cognitoIdentityPoolId: string }
  export interface ClientContext {
    client: { installationId: string; appTitle: string; appVersionName: string; appVersionCode: string; appPackageName: string };
    Custom?: any;
    env: { platformVersion: string; platform: string; make: string; model: string; locale: string };
  }
  /** The second argument of every handler: the invocation, function and execution environment. */
  export interface Context {
    callbackWaitsForEmptyEventLoop: boolean;
    functionName: string;
    functionVersion: string;
    invokedFunctionArn: string;
    memoryLimitInMB: string;
    awsRequestId: string;
    logGroupName: string;
    logStreamName: string;
    identity?: CognitoIdentity | undefined;
    clientContext?: ClientContext | undefined;
    tenantId?: string | undefined;
    /** Milliseconds left before the function times out. */
    getRemainingTimeInMillis(): number;
  }
  export type Callback<TResult = any> = (error?: Error | string | null, result?: TResult) => void;
  /** A Lambda handler: return (or resolve) the response. */
  export type Handler<TEvent = any, TResult = any> = (event: TEvent, context: Context, callback: Callback<TResult>) => void | Promise<TResult>;

  /** The writable stream a streaming handler writes its response to (awslambda.streamifyResponse). */
  export interface ResponseStream {
    write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean;
    end(chunk?: string | Uint8Array, callback?: () => void): void;
    setContentType(contentType: string): void;
    on(event: "error" | "finish" | "close", listener: (...args: any[]) => void): this;
  }
  export type StreamifyHandler<TEvent = any> = (event: TEvent, responseStream: ResponseStream, context: Context) => Promise<void>;

  export interface APIGatewayEventIdentity { sourceIp: string; userAgent: string | null; [key: string]: unknown }
  /** API Gateway REST API (payload format 1.0) proxy integration event. */
  export interface APIGatewayProxyEvent {
    resource: string;
    path: string;
    httpMethod: string;
    headers: Record<string, string | undefined>;
    multiValueHeaders: Record<string, string[] | undefined>;
    queryStringParameters: Record<string, string | undefined> | null;
    multiValueQueryStringParameters: Record<string, string[] | undefined> | null;
    pathParameters: Record<string, string | undefined> | null;
    stageVariables: Record<string, string | undefined> | null;
    requestContext: { accountId: string; apiId: string; stage: string; requestId: string; httpMethod: string; path: string; resourcePath: string; identity: APIGatewayEventIdentity; requestTimeEpoch: number; authorizer?: Record<string, unknown> | null; [key: string]: unknown };
    body: string | null;
    isBase64Encoded: boolean;
  }
  export interface APIGatewayProxyResult {
    statusCode: number;
    headers?: Record<string, boolean | number | string>;
    multiValueHeaders?: Record<string, Array<boolean | number | string>>;
    body: string;
    isBase64Encoded?: boolean;
  }
  export type APIGatewayProxyHandler = Handler<APIGatewayProxyEvent, APIGatewayProxyResult>;
  /** API Gateway HTTP API (payload format 2.0) event; Function URLs send the same shape. */
  export interface APIGatewayProxyEventV2 {
    version: "2.0";
    routeKey: string;
    rawPath: string;
    rawQueryString: string;
    cookies?: string[];
    headers: Record<string, string | undefined>;
    queryStringParameters?: Record<string, string | undefined>;
    pathParameters?: Record<string, string | undefined>;
    stageVariables?: Record<string, string | undefined>;
    requestContext: { accountId: string; apiId: string; domainName: string; domainPrefix: string; requestId: string; routeKey: string; stage: string; time: string; timeEpoch: number; http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string }; authorizer?: Record<string, unknown> };
    body?: string;
    isBase64Encoded: boolean;
  }
  export type APIGatewayProxyStructuredResultV2 = { statusCode?: number; headers?: Record<string, boolean | number | string>; body?: string; isBase64Encoded?: boolean; cookies?: string[] };
  export type APIGatewayProxyResultV2<T = never> = APIGatewayProxyStructuredResultV2 | string | T;
  export type APIGatewayProxyHandlerV2<T = never> = Handler<APIGatewayProxyEventV2, APIGatewayProxyResultV2<T>>;
  export type LambdaFunctionURLEvent = APIGatewayProxyEventV2;
  export type LambdaFunctionURLResult<T = never> = APIGatewayProxyResultV2<T>;
  export type LambdaFunctionURLHandler<T = never> = Handler<LambdaFunctionURLEvent, LambdaFunctionURLResult<T>>;

  export interface ALBEvent {
    requestContext: { elb: { targetGroupArn: string } };
    httpMethod: string;
    path: string;
    queryStringParameters?: Record<string, string | undefined>;
    headers?: Record<string, string | undefined>;
    multiValueHeaders?: Record<string, string[] | undefined>;
    body: string | null;
    isBase64Encoded: boolean;
  }
  export interface ALBResult { statusCode: number; statusDescription?: string; headers?: Record<string, boolean | number | string>; body?: string; isBase64Encoded?: boolean }
  export type ALBHandler = Handler<ALBEvent, ALBResult>;

  export interface SQSRecord {
    messageId: string;
    receiptHandle: string;
    body: string;
    attributes: { ApproximateReceiveCount: string; SentTimestamp: string; SenderId: string; ApproximateFirstReceiveTimestamp: string; [key: string]: string | undefined };
    messageAttributes: Record<string, { stringValue?: string; binaryValue?: string; dataType: string }>;
    md5OfBody: string;
    eventSource: "aws:sqs";
    eventSourceARN: string;
    awsRegion: string;
  }
  export interface SQSEvent { Records: SQSRecord[] }
  /** Report failed messages so only they return to the queue (ReportBatchItemFailures). */
  export interface SQSBatchResponse { batchItemFailures: { itemIdentifier: string }[] }
  export type SQSHandler = Handler<SQSEvent, SQSBatchResponse | void>;

  export interface SNSMessage { Type: string; MessageId: string; TopicArn: string; Subject?: string; Message: string; Timestamp: string; MessageAttributes: Record<string, { Type: string; Value: string }>; [key: string]: unknown }
  export interface SNSEventRecord { EventVersion: string; EventSubscriptionArn: string; EventSource: string; Sns: SNSMessage }
  export interface SNSEvent { Records: SNSEventRecord[] }
  export type SNSHandler = Handler<SNSEvent, void>;

  export interface S3EventRecord {
    eventVersion: string;
    eventSource: string;
    awsRegion: string;
    eventTime: string;
    eventName: string;
    s3: { s3SchemaVersion: string; configurationId: string; bucket: { name: string; arn: string; ownerIdentity: { principalId: string } }; object: { key: string; size: number; eTag: string; sequencer: string; versionId?: string } };
    [key: string]: unknown;
  }
  export interface S3Event { Records: S3EventRecord[] }
  export type S3Handler = Handler<S3Event, void>;

  export interface EventBridgeEvent<TDetailType extends string = string, TDetail = any> {
    id: string;
    version: string;
    account: string;
    time: string;
    region: string;
    resources: string[];
    source: string;
    "detail-type": TDetailType;
    detail: TDetail;
  }
  export type ScheduledEvent<TDetail = any> = EventBridgeEvent<"Scheduled Event", TDetail>;
  export type EventBridgeHandler<TDetailType extends string, TDetail, TResult> = Handler<EventBridgeEvent<TDetailType, TDetail>, TResult>;
  export type ScheduledHandler<TDetail = any> = Handler<ScheduledEvent<TDetail>, void>;

  export interface AttributeValue { S?: string; N?: string; B?: string; BOOL?: boolean; NULL?: boolean; M?: Record<string, AttributeValue>; L?: AttributeValue[]; SS?: string[]; NS?: string[]; BS?: string[] }
  export interface DynamoDBRecord {
    eventID?: string;
    eventName?: "INSERT" | "MODIFY" | "REMOVE";
    eventSource?: string;
    eventSourceARN?: string;
    awsRegion?: string;
    dynamodb?: { Keys?: Record<string, AttributeValue>; NewImage?: Record<string, AttributeValue>; OldImage?: Record<string, AttributeValue>; SequenceNumber?: string; SizeBytes?: number; StreamViewType?: string; ApproximateCreationDateTime?: number };
  }
  export interface DynamoDBStreamEvent { Records: DynamoDBRecord[] }
  export type DynamoDBStreamHandler = Handler<DynamoDBStreamEvent, void>;

  export interface KinesisStreamRecord {
    kinesis: { kinesisSchemaVersion: string; partitionKey: string; sequenceNumber: string; data: string; approximateArrivalTimestamp: number };
    eventSource: string;
    eventID: string;
    eventName: string;
    eventSourceARN: string;
    awsRegion: string;
    [key: string]: unknown;
  }
  export interface KinesisStreamEvent { Records: KinesisStreamRecord[] }
  export type KinesisStreamHandler = Handler<KinesisStreamEvent, void>;
}

declare namespace awslambda {
  /** Marks a handler as streaming: it writes its response to responseStream as it goes. */
  function streamifyResponse<TEvent = any>(
    handler: import("aws-lambda").StreamifyHandler<TEvent>,
    options?: { highWaterMark?: number },
  ): import("aws-lambda").StreamifyHandler<TEvent>;
  namespace HttpResponseStream {
    /** Writes an HTTP status, headers and cookies first (Function URLs, API Gateway), then the body. */
    function from(
      responseStream: import("aws-lambda").ResponseStream,
      metadata: { statusCode?: number; headers?: Record<string, string>; cookies?: string[] },
    ): import("aws-lambda").ResponseStream;
  }
}
`;

/** Just enough of Node for handler code to type-check: env, Buffer, require, timers. */
export const NODE_GLOBALS_DTS = `declare var process: {
  env: Record<string, string | undefined>;
  argv: string[];
  version: string;
  platform: string;
  cwd(): string;
  exit(code?: number): never;
  memoryUsage(): { rss: number; heapTotal: number; heapUsed: number; external: number };
  hrtime: { bigint(): bigint };
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  on(event: string, listener: (...args: any[]) => void): void;
};
declare class Buffer extends Uint8Array {
  static from(value: string | ArrayBuffer | ArrayLike<number>, encoding?: "utf8" | "utf-8" | "base64" | "base64url" | "hex" | "latin1" | "binary"): Buffer;
  static alloc(size: number, fill?: number | string): Buffer;
  static concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
  static byteLength(value: string, encoding?: string): number;
  static isBuffer(value: unknown): value is Buffer;
  toString(encoding?: "utf8" | "utf-8" | "base64" | "base64url" | "hex" | "latin1" | "binary", start?: number, end?: number): string;
}
declare var require: { (id: string): any; resolve(id: string): string };
declare var module: { exports: any };
declare var exports: any;
declare var __dirname: string;
declare var __filename: string;
declare var global: typeof globalThis;
`;
