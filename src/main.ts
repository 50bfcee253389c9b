// `npm start`: serve Pejl, loading the demo corpus on the first run, with the
// periodic tick (outbox, automatic reminders, clean-up) beside the server;
// PEJL_WORKERS processes when above 1 (PostgreSQL).
import { parseEnv } from "./env.ts";
import { toAppError } from "./errors.ts";
import { createLogger } from "./logger.ts";
import { serveUntilStopped } from "./serve.ts";

const logger = createLogger();
try {
  await serveUntilStopped(parseEnv(), logger, { demo: true });
  process.exit(0);
} catch (error) {
  const appError = toAppError(error);
  console.error(
    `pejl: ${appError.id === "internal" ? String((appError.cause as Error | undefined)?.message ?? appError.message) : appError.message}`,
  );
  process.exit(1);
}
