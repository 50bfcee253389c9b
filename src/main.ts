// `npm start`: serve Pejl, loading the demo corpus on the first run.
import { parseEnv } from "./env.ts";
import { toAppError } from "./errors.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./server.ts";

const logger = createLogger();
try {
  const env = parseEnv();
  const { stop } = await startServer(env, logger, { demo: true });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  const appError = toAppError(error);
  console.error(
    `pejl: ${appError.id === "internal" ? String((error as Error).message ?? error) : appError.message}`,
  );
  process.exit(1);
}
