/**
 * Entry point: `npm run --silent cli -- <command> …` (run by tsx; no build step).
 */
import { nodeIO } from "./io";
import { main } from "./main";

const io = nodeIO();
main(process.argv.slice(2), io)
  .then(async (code) => {
    await io.flush();
    process.exitCode = code;
  })
  .catch(async (e: unknown) => {
    await io.flush();
    process.stderr.write(`cli: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
