/**
 * Test-event templates for the common event sources, shaped like the events those services send (the
 * samples in the Lambda developer guide), with the function's region and account filled in.
 */

export interface TemplateContext {
  region: string;
  account: string;
  functionName: string;
}

export interface EventTemplate {
  id: string;
  label: string;
  /** The AWS service, for grouping in the picker. */
  source: string;
  description: string;
  /** A default name for an event saved from this template (≤ 25 chars, [A-Za-z0-9._-]). */
  eventName: string;
  build: (ctx: TemplateContext) => unknown;
}

const REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
const TIME = "2026-01-15T12:34:56Z";
const EPOCH_MS = Date.parse(TIME);

function b64(text: string): string {
  return btoa(text);
}

const browserHeaders = {
  accept: "application/json",
  "accept-encoding": "gzip, deflate, br",
  "content-type": "application/json",
  host: "",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "x-amzn-trace-id": "Root=1-65a5b7a0-3c9f4b2a1d0e8f7a6b5c4d3e",
  "x-forwarded-for": "203.0.113.10",
  "x-forwarded-port": "443",
  "x-forwarded-proto": "https",
};

function httpV2(ctx: TemplateContext, domain: string, apiId: string, routeKey: string) {
  const headers = { ...browserHeaders, host: domain };
  return {
    version: "2.0",
    routeKey,
    rawPath: "/orders/42",
    rawQueryString: "expand=items&currency=EUR",
    cookies: ["session=3f9a2c", "theme=dark"],
    headers,
    queryStringParameters: { expand: "items", currency: "EUR" },
    ...(routeKey === "$default" ? {} : { pathParameters: { id: "42" } }),
    requestContext: {
      accountId: routeKey === "$default" ? "anonymous" : ctx.account,
      apiId,
      domainName: domain,
      domainPrefix: apiId,
      http: {
        method: "POST",
        path: "/orders/42",
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.10",
        userAgent: headers["user-agent"],
      },
      requestId: REQUEST_ID,
      routeKey,
      stage: "$default",
      time: "15/Jan/2026:12:34:56 +0000",
      timeEpoch: EPOCH_MS,
    },
    body: JSON.stringify({ quantity: 2, note: "gift wrap" }),
    isBase64Encoded: false,
  };
}

export const EVENT_TEMPLATES: EventTemplate[] = [
  {
    id: "apigateway-rest",
    label: "API Gateway REST API (v1 proxy)",
    source: "API Gateway",
    description: "A REST API proxy integration request, payload format 1.0.",
    eventName: "apigw-rest-post",
    build: (ctx) => {
      const host = `abcdef1234.execute-api.${ctx.region}.amazonaws.com`;
      const headers = { ...browserHeaders, host, "x-forwarded-for": "203.0.113.10" };
      return {
        resource: "/orders/{id}",
        path: "/orders/42",
        httpMethod: "POST",
        headers,
        multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        queryStringParameters: { expand: "items" },
        multiValueQueryStringParameters: { expand: ["items"] },
        pathParameters: { id: "42" },
        stageVariables: null,
        requestContext: {
          resourceId: "a1b2c3",
          resourcePath: "/orders/{id}",
          httpMethod: "POST",
          extendedRequestId: "c6af9ac6EXAMPLE=",
          requestTime: "15/Jan/2026:12:34:56 +0000",
          path: "/prod/orders/42",
          accountId: ctx.account,
          protocol: "HTTP/1.1",
          stage: "prod",
          domainPrefix: "abcdef1234",
          requestTimeEpoch: EPOCH_MS,
          requestId: REQUEST_ID,
          identity: {
            cognitoIdentityPoolId: null,
            accountId: null,
            cognitoIdentityId: null,
            caller: null,
            sourceIp: "203.0.113.10",
            principalOrgId: null,
            accessKey: null,
            cognitoAuthenticationType: null,
            cognitoAuthenticationProvider: null,
            userArn: null,
            userAgent: headers["user-agent"],
            user: null,
          },
          domainName: host,
          apiId: "abcdef1234",
        },
        body: JSON.stringify({ quantity: 2, note: "gift wrap" }),
        isBase64Encoded: false,
      };
    },
  },
  {
    id: "apigateway-http",
    label: "API Gateway HTTP API (v2)",
    source: "API Gateway",
    description: "An HTTP API request, payload format 2.0.",
    eventName: "apigw-http-post",
    build: (ctx) =>
      httpV2(ctx, `r3pmxmplak.execute-api.${ctx.region}.amazonaws.com`, "r3pmxmplak", "POST /orders/{id}"),
  },
  {
    id: "function-url",
    label: "Function URL",
    source: "Lambda",
    description: "A request to the function's URL (payload format 2.0, route $default).",
    eventName: "function-url-post",
    build: (ctx) => httpV2(ctx, `a1b2c3d4e5f6g7h8.lambda-url.${ctx.region}.on.aws`, "a1b2c3d4e5f6g7h8", "$default"),
  },
  {
    id: "alb",
    label: "Application Load Balancer",
    source: "Elastic Load Balancing",
    description: "A request forwarded by an ALB target group.",
    eventName: "alb-get",
    build: (ctx) => ({
      requestContext: {
        elb: {
          targetGroupArn: `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account}:targetgroup/lambda-tg/6d0ecf831eec9f09`,
        },
      },
      httpMethod: "GET",
      path: "/health",
      queryStringParameters: { verbose: "true" },
      headers: {
        accept: "text/html,application/xhtml+xml",
        "accept-encoding": "gzip",
        connection: "keep-alive",
        host: "lambda-alb-123578498.elb.amazonaws.com",
        "user-agent": browserHeaders["user-agent"],
        "x-amzn-trace-id": "Root=1-5c536348-3d683b8b04734faae651f476",
        "x-forwarded-for": "203.0.113.10",
        "x-forwarded-port": "80",
        "x-forwarded-proto": "http",
      },
      body: "",
      isBase64Encoded: false,
    }),
  },
  {
    id: "sqs",
    label: "SQS message batch",
    source: "SQS",
    description: "Two messages from a standard queue, as an event source mapping delivers them.",
    eventName: "sqs-batch",
    build: (ctx) => ({
      Records: [1, 2].map((n) => ({
        messageId: n === 1 ? "059f36b4-87a3-44ab-83d2-661975830a7d" : "2e1424d4-f796-459a-8184-9c92662be6da",
        receiptHandle: `AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a${n}...`,
        body: JSON.stringify({ orderId: `o-${1000 + n}`, status: "created" }),
        attributes: {
          ApproximateReceiveCount: "1",
          SentTimestamp: String(EPOCH_MS + n),
          SenderId: "AIDAIENQZJOLO23YVJ4VO",
          ApproximateFirstReceiveTimestamp: String(EPOCH_MS + 10 + n),
        },
        messageAttributes: {
          tenant: { stringValue: "acme", stringListValues: [], binaryListValues: [], dataType: "String" },
        },
        md5OfBody: "e4e68fb7bd0e697a0ae8f1bb342846b3",
        eventSource: "aws:sqs",
        eventSourceARN: `arn:aws:sqs:${ctx.region}:${ctx.account}:orders-queue`,
        awsRegion: ctx.region,
      })),
    }),
  },
  {
    id: "sns",
    label: "SNS notification",
    source: "SNS",
    description: "A message published to a topic the function subscribes to.",
    eventName: "sns-notification",
    build: (ctx) => ({
      Records: [
        {
          EventVersion: "1.0",
          EventSubscriptionArn: `arn:aws:sns:${ctx.region}:${ctx.account}:order-events:21be56ed-a058-49f5-8c98-aedd2564c486`,
          EventSource: "aws:sns",
          Sns: {
            SignatureVersion: "1",
            Timestamp: "2026-01-15T12:34:56.000Z",
            Signature: "tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==",
            SigningCertUrl: `https://sns.${ctx.region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
            MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
            Message: JSON.stringify({ orderId: "o-1001", status: "shipped" }),
            MessageAttributes: { priority: { Type: "String", Value: "high" } },
            Type: "Notification",
            UnsubscribeUrl: `https://sns.${ctx.region}.amazonaws.com/?Action=Unsubscribe&amp;SubscriptionArn=arn:aws:sns:${ctx.region}:${ctx.account}:order-events`,
            TopicArn: `arn:aws:sns:${ctx.region}:${ctx.account}:order-events`,
            Subject: "Order shipped",
          },
        },
      ],
    }),
  },
  {
    id: "s3-put",
    label: "S3 object created (put)",
    source: "S3",
    description: "An ObjectCreated:Put notification for one object.",
    eventName: "s3-put",
    build: (ctx) => ({
      Records: [
        {
          eventVersion: "2.1",
          eventSource: "aws:s3",
          awsRegion: ctx.region,
          eventTime: "2026-01-15T12:34:56.000Z",
          eventName: "ObjectCreated:Put",
          userIdentity: { principalId: "AWS:AIDAINPONIXQXHT3IKHL2" },
          requestParameters: { sourceIPAddress: "203.0.113.10" },
          responseElements: {
            "x-amz-request-id": "C3D13FE58DE4C810",
            "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
          },
          s3: {
            s3SchemaVersion: "1.0",
            configurationId: "on-upload",
            bucket: {
              name: "example-uploads",
              ownerIdentity: { principalId: "A3NL1KOZZKExample" },
              arn: "arn:aws:s3:::example-uploads",
            },
            object: {
              key: "invoices/2026/01/inv-1001.pdf",
              size: 48213,
              eTag: "0123456789abcdef0123456789abcdef",
              sequencer: "0A1B2C3D4E5F678901",
            },
          },
        },
      ],
    }),
  },
  {
    id: "eventbridge",
    label: "EventBridge event",
    source: "EventBridge",
    description: "A custom application event matched by a rule.",
    eventName: "eventbridge-custom",
    build: (ctx) => ({
      version: "0",
      id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
      "detail-type": "Order Placed",
      source: "com.example.orders",
      account: ctx.account,
      time: TIME,
      region: ctx.region,
      resources: [`arn:aws:events:${ctx.region}:${ctx.account}:event-bus/orders`],
      detail: { orderId: "o-1001", customerId: "c-77", total: { amount: 42.5, currency: "EUR" } },
    }),
  },
  {
    id: "scheduled",
    label: "Scheduled event",
    source: "EventBridge",
    description: "A scheduled rule (cron or rate expression) firing.",
    eventName: "scheduled-nightly",
    build: (ctx) => ({
      version: "0",
      id: "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
      "detail-type": "Scheduled Event",
      source: "aws.events",
      account: ctx.account,
      time: TIME,
      region: ctx.region,
      resources: [`arn:aws:events:${ctx.region}:${ctx.account}:rule/nightly-${ctx.functionName}`.slice(0, 200)],
      detail: {},
    }),
  },
  {
    id: "dynamodb-stream",
    label: "DynamoDB Streams",
    source: "DynamoDB",
    description: "An INSERT and a MODIFY record (stream view NEW_AND_OLD_IMAGES).",
    eventName: "dynamodb-stream",
    build: (ctx) => {
      const arn = `arn:aws:dynamodb:${ctx.region}:${ctx.account}:table/Orders/stream/2026-01-15T00:00:00.000`;
      return {
        Records: [
          {
            eventID: "c4ca4238a0b923820dcc509a6f75849b",
            eventName: "INSERT",
            eventVersion: "1.1",
            eventSource: "aws:dynamodb",
            awsRegion: ctx.region,
            dynamodb: {
              ApproximateCreationDateTime: EPOCH_MS / 1000,
              Keys: { pk: { S: "ORDER#1001" } },
              NewImage: { pk: { S: "ORDER#1001" }, status: { S: "created" }, total: { N: "42.5" } },
              SequenceNumber: "4421584500000000017450439091",
              SizeBytes: 59,
              StreamViewType: "NEW_AND_OLD_IMAGES",
            },
            eventSourceARN: arn,
          },
          {
            eventID: "c81e728d9d4c2f636f067f89cc14862c",
            eventName: "MODIFY",
            eventVersion: "1.1",
            eventSource: "aws:dynamodb",
            awsRegion: ctx.region,
            dynamodb: {
              ApproximateCreationDateTime: EPOCH_MS / 1000 + 5,
              Keys: { pk: { S: "ORDER#1001" } },
              NewImage: { pk: { S: "ORDER#1001" }, status: { S: "shipped" }, total: { N: "42.5" } },
              OldImage: { pk: { S: "ORDER#1001" }, status: { S: "created" }, total: { N: "42.5" } },
              SequenceNumber: "4421584500000000017450439092",
              SizeBytes: 90,
              StreamViewType: "NEW_AND_OLD_IMAGES",
            },
            eventSourceARN: arn,
          },
        ],
      };
    },
  },
  {
    id: "kinesis",
    label: "Kinesis Data Streams",
    source: "Kinesis",
    description: "Two records; each record's data is base64, as Kinesis delivers it.",
    eventName: "kinesis-records",
    build: (ctx) => ({
      Records: [
        { partitionKey: "device-7", payload: { deviceId: "device-7", temperature: 21.4 } },
        { partitionKey: "device-9", payload: { deviceId: "device-9", temperature: 19.8 } },
      ].map((r, i) => ({
        kinesis: {
          kinesisSchemaVersion: "1.0",
          partitionKey: r.partitionKey,
          sequenceNumber: `4959033346254153765396522939227648690582747069048102915${i}`,
          data: b64(JSON.stringify(r.payload)),
          approximateArrivalTimestamp: EPOCH_MS / 1000 + i,
        },
        eventSource: "aws:kinesis",
        eventVersion: "1.0",
        eventID: `shardId-000000000006:4959033346254153765396522939227648690582747069048102915${i}`,
        eventName: "aws:kinesis:record",
        invokeIdentityArn: `arn:aws:iam::${ctx.account}:role/lambda-role`,
        awsRegion: ctx.region,
        eventSourceARN: `arn:aws:kinesis:${ctx.region}:${ctx.account}:stream/telemetry`,
      })),
    }),
  },
];

/** The template's event as pretty JSON, ready for the editor. */
export function templatePayload(template: EventTemplate, ctx: TemplateContext): string {
  return JSON.stringify(template.build(ctx), null, 2);
}

export const DEFAULT_EVENT = JSON.stringify({ key1: "value1", key2: "value2", key3: "value3" }, null, 2);
