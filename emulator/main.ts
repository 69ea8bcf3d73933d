/**
 * `npm run emulator`: the emulator alone. Configured by environment:
 * LAMBDA_EMULATOR_PORT (9001), LAMBDA_EMULATOR_HOST (127.0.0.1), LAMBDA_EMULATOR_DATA (.data),
 * LAMBDA_EMULATOR_REGION (us-east-1), LAMBDA_EMULATOR_ACCOUNT (000000000000),
 * LAMBDA_EMULATOR_ACCESS_KEY / LAMBDA_EMULATOR_SECRET_KEY (test/test), LAMBDA_EMULATOR_DEMO (1; 0 = no demos),
 * LAMBDA_EMULATOR_ASYNC_DELAY_DIVISOR (1), LAMBDA_EMULATOR_VERBOSE (0).
 */
import { createEmulator } from "./index";

const env = process.env;
const flag = (v: string | undefined, dflt: boolean) => (v === undefined ? dflt : !/^(0|false|no|off)$/i.test(v));

const emulator = await createEmulator({
  port: Number(env.LAMBDA_EMULATOR_PORT ?? 9001),
  host: env.LAMBDA_EMULATOR_HOST ?? "127.0.0.1",
  dataDir: env.LAMBDA_EMULATOR_DATA ?? ".data",
  region: env.LAMBDA_EMULATOR_REGION ?? "us-east-1",
  accountId: env.LAMBDA_EMULATOR_ACCOUNT ?? "000000000000",
  credentials: [
    {
      accessKeyId: env.LAMBDA_EMULATOR_ACCESS_KEY ?? "test",
      secretAccessKey: env.LAMBDA_EMULATOR_SECRET_KEY ?? "test",
    },
  ],
  seedDemo: flag(env.LAMBDA_EMULATOR_DEMO, true),
  asyncDelayDivisor: Number(env.LAMBDA_EMULATOR_ASYNC_DELAY_DIVISOR ?? 1),
  verbose: flag(env.LAMBDA_EMULATOR_VERBOSE, false),
});

console.log(
  `Lambda emulator listening on ${emulator.url} (region ${emulator.config.region}, account ${emulator.config.accountId}, data ${emulator.config.dataDir})`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  });
}
