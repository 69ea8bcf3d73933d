import { CONNECTION_KIND_LABEL, type Connection } from "@/lib/connection";

const VARIABLES: [name: string, effect: string][] = [
  ["LAMBDA_ENDPOINT", "Any Lambda-compatible endpoint. Default: the embedded emulator at http://127.0.0.1:9001."],
  ["AWS_PROFILE", "Without LAMBDA_ENDPOINT: talk to real AWS with this profile from ~/.aws."],
  ["AWS_REGION", "Region to sign for and, on AWS, to call. Default: us-east-1."],
  ["AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY", "Keys for the emulator or an endpoint. Default: test / test."],
  ["LAMBDA_CONNECTION_KIND", "emulator, aws or endpoint, when the console guesses wrong."],
];

/** The current connection and the environment variables that choose it (read when the server starts). */
export function ConnectionSettings({ connection }: { connection: Connection }) {
  const rows: [string, string][] = [
    ["Target", CONNECTION_KIND_LABEL[connection.kind]],
    ["Endpoint", connection.endpoint],
    ["Region", connection.region],
    ["Account", connection.account ?? "Unknown until a function ARN shows it"],
    ...(connection.profile ? ([["Profile", connection.profile]] as [string, string][]) : []),
  ];
  return (
    <section aria-labelledby="connection-heading" className="bg-card rounded-lg border">
      <div className="border-b px-5 py-3.5">
        <h2 id="connection-heading" className="text-sm font-semibold">
          Connection
        </h2>
      </div>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-6 gap-y-2.5 px-5 py-4 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className={k === "Target" ? "" : "font-mono text-[0.8125rem] break-all"}>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="border-t px-5 py-4">
        <h3 className="mb-2 text-sm font-medium">Change it with environment variables</h3>
        <dl className="text-muted-foreground space-y-1.5 text-sm">
          {VARIABLES.map(([name, effect]) => (
            <div key={name} className="grid gap-x-6 sm:grid-cols-[minmax(0,20rem)_1fr]">
              <dt>
                <code className="text-foreground font-mono text-[0.8125rem]">{name}</code>
              </dt>
              <dd>{effect}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
