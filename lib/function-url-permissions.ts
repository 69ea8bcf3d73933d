/**
 * The two statements the AWS console adds with a public (AuthType NONE) function URL: Lambda's URL front
 * end needs `lambda:InvokeFunctionUrl` for Principal `*` (FunctionUrlAuthType NONE), and AWS has since
 * required `lambda:InvokeFunction` too, limited to calls made through the URL.
 */
export const PUBLIC_URL_STATEMENTS = [
  {
    statementId: "FunctionURLAllowPublicAccess",
    action: "lambda:InvokeFunctionUrl",
    principal: "*",
    functionUrlAuthType: "NONE" as const,
  },
  {
    statementId: "FunctionURLAllowInvokeAction",
    action: "lambda:InvokeFunction",
    principal: "*",
    invokedViaFunctionUrl: true,
  },
] as const;
