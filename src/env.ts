// The environment, parsed once. Everything configurable lives here.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional(),
  PEJL_DATA_DIR: z.string().default("./data"),
  PEJL_SECRET: z.string().min(32, "PEJL_SECRET must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PEJL_UPLOAD_LIMIT_MB: z.coerce.number().positive().default(50),
  PEJL_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).default(5),
  /** Memory for rendered public pages, per cache (the organisations' and the national one), in MB. */
  PEJL_RENDER_CACHE_MB: z.coerce.number().min(0).default(256),
  /** smtp(s)://user:pass@host:port; without it the outbox is written to <PEJL_DATA_DIR>/outbox/. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Pejl <pejl@localhost>"),
  /** The address people reach Pejl at, for links in e-mails. */
  PEJL_PUBLIC_URL: z.url().optional(),
  /** The organisation (slug) served at unprefixed URLs; every organisation is also at /k/<slug>/. */
  PEJL_ORGANISATION: z.string().min(1).optional(),
  /** Host names that each serve one organisation at their root: "a.example=aarhus,b.example=odense". */
  PEJL_HOSTS: z.string().optional(),
  /** Which reverse proxies' X-Forwarded-For/-Proto to believe (http/proxy.ts); none by default. */
  PEJL_TRUST_PROXY: z.string().optional(),
  /** How often the background tick runs (outbox, automatic reminders, clean-up). */
  PEJL_TICK_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /** On stop, how long requests under way may take before their connections are closed. */
  PEJL_SHUTDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  /** HTTP worker processes on this machine (PostgreSQL only): a number, or "auto" for one per core. */
  PEJL_WORKERS: z.string().default("1").transform(workerCount),
});

const WORKERS = z.union([z.literal("auto"), z.coerce.number().int().min(1).max(1024)]);

/** "auto" → one per core the process may use; otherwise a whole number from 1. */
export function workerCount(text: string, ctx?: z.RefinementCtx): number {
  const parsed = WORKERS.safeParse(text.trim());
  if (parsed.success) return parsed.data === "auto" ? os.availableParallelism() : parsed.data;
  const message = `the number of workers must be a whole number from 1 to 1024, or "auto" (got "${text}")`;
  if (!ctx) throw new Error(message);
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

export type Env = z.infer<typeof schema> & { dataDir: string };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.PEJL_DATA_DIR) };
}

/** Several worker processes share one database server: the embedded database is one process's. */
export function refuseWorkersOnPglite(env: Pick<Env, "PEJL_WORKERS" | "DATABASE_URL">) {
  if (env.PEJL_WORKERS > 1 && !env.DATABASE_URL)
    throw new Error(
      `Several workers (${env.PEJL_WORKERS}) need PostgreSQL: the embedded database is one process. Set DATABASE_URL, or serve with one worker.`,
    );
}
