// Every role × every action × own/other administration, through the commands
// and queries that enforce the rules (the HTTP side is in
// src/web/admin/authz.test.ts). The expected table is written out by hand
// from DESIGN.md §1, not derived from rules.ts.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../test/factories.ts";
import { candidateReviewer } from "../commands/candidateReviewer.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import { initiativeUpdater } from "../commands/initiativeUpdater.ts";
import { userCreator } from "../commands/userCreator.ts";
import { type Actor, type Context, publicActor } from "../context.ts";
import { candidates, documents, initiatives } from "../db/schema.ts";
import { listAuditEvents } from "../queries/audit.ts";
import { authorize } from "./can.ts";

type Outcome = "ok" | "forbidden" | "not_found" | "unauthenticated";
type Who = "admin" | "coordinator" | "reporter" | "viewer" | "public";
type Where = "own" | "other";

async function outcome(work: () => Promise<unknown> | unknown): Promise<Outcome> {
  try {
    await work();
    return "ok";
  } catch (error) {
    const id = (error as { id?: string }).id;
    if (id === "forbidden" || id === "not_found" || id === "unauthenticated") return id;
    throw error;
  }
}

interface World {
  org: TestOrganisation;
  ctx: Record<Who, Context>;
  actor: Record<Who, Actor>;
  initiative: Record<Where, string>;
  administration: Record<Where, string>;
}

async function buildWorld(): Promise<World> {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const own = await buildInitiative(org, policy.id, { administrationId: org.administrationIds.BIF });
  const other = await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
  const users = {
    admin: await buildLoginUser(org, "admin"),
    coordinator: await buildLoginUser(org, "coordinator"),
    reporter: await buildLoginUser(org, "reporter", { administrationCode: "BIF" }),
    viewer: await buildLoginUser(org, "viewer"),
  };
  const actor = {
    admin: users.admin.actor,
    coordinator: users.coordinator.actor,
    reporter: users.reporter.actor,
    viewer: users.viewer.actor,
    public: publicActor,
  };
  return {
    org,
    actor,
    ctx: Object.fromEntries(Object.entries(actor).map(([k, a]) => [k, org.ctx(a)])) as Record<Who, Context>,
    initiative: { own: own.id, other: other.id },
    administration: { own: org.administrationIds.BIF!, other: org.administrationIds.SOF! },
  };
}

async function pendingCandidate(org: TestOrganisation): Promise<string> {
  const [doc] = await org.db
    .insert(documents)
    .values({
      organisationId: org.organisationId,
      filename: "politik.txt",
      mediaType: "text/plain",
      sha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
      size: 10,
      text: "Politik for lighed",
    })
    .returning();
  const [c] = await org.db
    .insert(candidates)
    .values({
      organisationId: org.organisationId,
      documentId: doc!.id,
      key: "policy:1",
      entity: "policy",
      fields: { title: "Politik for lighed" },
      confidence: 0.9,
    })
    .returning();
  return c!.id;
}

// The expected table. "own"/"other" is the subject's administration seen from
// the reporter (BIF); for the other roles both columns read alike.
const expected: Record<string, Record<Who, [Outcome, Outcome]>> = {
  "read registry": {
    admin: ["ok", "ok"],
    coordinator: ["ok", "ok"],
    reporter: ["ok", "ok"],
    viewer: ["ok", "ok"],
    public: ["unauthenticated", "unauthenticated"],
  },
  "edit initiative": {
    admin: ["ok", "ok"],
    coordinator: ["ok", "ok"],
    reporter: ["forbidden", "not_found"],
    viewer: ["forbidden", "forbidden"],
    public: ["unauthenticated", "unauthenticated"],
  },
  "report status": {
    admin: ["ok", "ok"],
    coordinator: ["ok", "ok"],
    reporter: ["ok", "not_found"],
    viewer: ["forbidden", "forbidden"],
    public: ["unauthenticated", "unauthenticated"],
  },
};

// Actions on things that belong to no administration: one outcome per role.
const expectedGlobal: Record<string, Record<Who, Outcome>> = {
  "review candidates": {
    admin: "ok",
    coordinator: "ok",
    reporter: "forbidden",
    viewer: "forbidden",
    public: "unauthenticated",
  },
  "import document": {
    admin: "ok",
    coordinator: "ok",
    reporter: "forbidden",
    viewer: "forbidden",
    public: "unauthenticated",
  },
  "manage users": {
    admin: "ok",
    coordinator: "not_found",
    reporter: "not_found",
    viewer: "not_found",
    public: "unauthenticated",
  },
  "read audit": {
    admin: "ok",
    coordinator: "ok",
    reporter: "not_found",
    viewer: "not_found",
    public: "not_found",
  },
};

const whos: Who[] = ["admin", "coordinator", "reporter", "viewer", "public"];

describe("authorization matrix through the commands", () => {
  it("read registry, edit initiative and report status: every role × own and other administration", async () => {
    const w = await buildWorld();
    const actual: typeof expected = {};
    for (const action of Object.keys(expected)) actual[action] = {} as Record<Who, [Outcome, Outcome]>;
    for (const who of whos) {
      const row: Record<string, Outcome[]> = {
        "read registry": [],
        "edit initiative": [],
        "report status": [],
      };
      for (const where of ["own", "other"] as const) {
        const administrationId = w.administration[where];
        row["read registry"]!.push(
          await outcome(() => authorize(w.actor[who], "read", { entity: "registry", administrationId })),
        );
        row["report status"]!.push(
          await outcome(() =>
            authorize(w.actor[who], "report", { entity: "statusReport", administrationId }),
          ),
        );
        // The real command; re-reading the version keeps earlier successful edits from making it stale.
        row["edit initiative"]!.push(
          await outcome(async () => {
            const version = await versionOf(w.org, w.initiative[where]);
            await initiativeUpdater(w.ctx[who], {
              id: w.initiative[where],
              version,
              title: `Ny titel af ${who}`,
            });
          }),
        );
      }
      for (const action of Object.keys(row)) actual[action]![who] = row[action] as [Outcome, Outcome];
    }
    expect(actual).toEqual(expected);
  });

  it("review candidates, import document, manage users and read audit: every role", async () => {
    const w = await buildWorld();
    const actual: Record<string, Record<Who, Outcome>> = {};
    for (const action of Object.keys(expectedGlobal)) actual[action] = {} as Record<Who, Outcome>;
    for (const who of whos) {
      const ctx = w.ctx[who];
      const candidate = await pendingCandidate(w.org);
      actual["review candidates"]![who] = await outcome(() =>
        candidateReviewer(ctx, { action: "reject", ids: [candidate] }),
      );
      actual["import document"]![who] = await outcome(() =>
        documentImporter(ctx, {
          bytes: new TextEncoder().encode(
            "Politik for ligestilling 2024-2027\n\nMål\n1. Flere borgere skal i job.\n",
          ),
          filename: `${who}.txt`,
        }),
      );
      actual["manage users"]![who] = await outcome(() =>
        userCreator(ctx, {
          name: "Ny bruger",
          email: `ny-${randomUUID().slice(0, 8)}@example.dk`,
          role: "viewer",
          password: "en-lang-adgangskode-123",
        }),
      );
      actual["read audit"]![who] = await outcome(() => listAuditEvents(ctx, {}, { number: 1, size: 10 }));
    }
    expect(actual).toEqual(expectedGlobal);
  });
});

async function versionOf(org: TestOrganisation, id: string): Promise<number> {
  const [row] = await org.db
    .select({ version: initiatives.version })
    .from(initiatives)
    .where(eq(initiatives.id, id));
  return row!.version;
}
