/**
 * `npm run runtimes:install -- 22 24`: fetches the Node.js builds that nodejs22.x / nodejs24.x functions
 * run on, ahead of their first invoke (which would otherwise fetch them then). No arguments: every
 * nodejs major Lambda offers that the host's node is not.
 */
import { hostNodeMajor, nodeBuild, nodeRuntimesDir } from "./node-runtimes";

const requested = process.argv.slice(2).map((a) => Number(a.replace(/^nodejs|\.x$/g, "")));
const majors = requested.length > 0 ? requested : [20, 22, 24].filter((m) => m !== hostNodeMajor());
let failed = false;
for (const major of majors) {
  if (!Number.isInteger(major) || major < 18) {
    console.error(`skipping "${major}": give Node.js majors such as 22 or 24`);
    failed = true;
    continue;
  }
  try {
    const build = await nodeBuild(major);
    const how = build.binary === process.execPath ? "the host's node" : build.installed ? "downloaded" : "cached";
    console.log(`nodejs${major}.x → Node.js ${build.version} (${how}) ${build.binary}`);
  } catch (e) {
    console.error(`nodejs${major}.x: ${e instanceof Error ? e.message : String(e)}`);
    failed = true;
  }
}
console.log(`cache: ${nodeRuntimesDir()}`);
process.exit(failed ? 1 : 0);
