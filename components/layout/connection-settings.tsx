const VARIABLES: [name: string, effect: string][] = [
  ["LAMBDA_ENDPOINT", "Any Lambda-compatible endpoint. Default: the embedded emulator at http://127.0.0.1:9001."],
  ["AWS_PROFILE", "Without LAMBDA_ENDPOINT: talk to real AWS with this profile from ~/.aws."],
  ["AWS_REGION", "Region to sign for and, on AWS, to call. Default: us-east-1."],
  ["AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY", "Keys for the emulator or an endpoint. Default: test / test."],
  ["LAMBDA_CONNECTION_KIND", "emulator, aws or endpoint, when the console guesses wrong."],
];

/** The environment variables that make the start-up connection (read when the server starts). */
export function ConnectionSettings() {
  return (
    <section aria-labelledby="startup-heading" className="bg-card rounded-lg border">
      <div className="border-b px-5 py-3.5">
        <h2 id="startup-heading" className="text-sm font-semibold">
          Start-up connection
        </h2>
        <p className="text-muted-foreground text-xs">
          The connection called &ldquo;start-up&rdquo; above comes from these variables when the console starts.
        </p>
      </div>
      <dl className="text-muted-foreground space-y-1.5 px-5 py-4 text-sm">
        {VARIABLES.map(([name, effect]) => (
          <div key={name} className="grid gap-x-6 sm:grid-cols-[minmax(0,20rem)_1fr]">
            <dt>
              <code className="text-foreground font-mono text-[0.8125rem]">{name}</code>
            </dt>
            <dd>{effect}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
