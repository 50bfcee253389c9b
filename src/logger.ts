// Structured logs (JSON lines) for the server and the CLI.
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    base: { service: "pejl" },
    redact: ["req.headers.cookie", "req.headers.authorization"],
  });
}
