// /api: the API documented for people, in Danish. Everything about the endpoints (paths,
// parameters, fields, examples, responses) is read from the OpenAPI document that
// /api/openapi.json serves, so the page and the document cannot disagree.
import type { Child } from "hono/jsx";
import { link } from "../http/links.ts";
import { DataTable } from "../web/components/DataTable.tsx";
import { Layout } from "../web/components/Layout.tsx";
import { apiRules, type OpenApiDocument } from "./openapi.ts";

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  $ref?: string;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { example?: unknown }> }>;
  "x-codeSamples"?: { source: string }[];
}

const typeNames: Record<string, string> = {
  string: "tekst",
  integer: "heltal",
  number: "tal",
  boolean: "sand/falsk",
  array: "liste",
  object: "objekt",
  null: "null",
};
const formatNames: Record<string, string> = { uuid: "UUID", date: "dato", "date-time": "tidspunkt" };

/** A schema's type in words: "UUID eller null", "liste af tekst", "en af: planned, ongoing …". */
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const base = types.filter((t) => t !== "null");
  let label = base
    .map((t) =>
      t === "array"
        ? `liste af ${typeLabel(schema.items) || "værdier"}`
        : (formatNames[schema.format ?? ""] ?? typeNames[t] ?? t),
    )
    .join(" eller ");
  const values = schema.enum?.filter((v) => v !== null);
  if (values?.length) label = `en af: ${values.join(", ")}`;
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    label += ` (${schema.minimum}–${schema.maximum})`;
  if (types.includes("null")) label += " eller null";
  return label;
}

/** `code` spans in the rule texts (written with backticks) as <code>. */
function withCode(text: string): Child[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part));
}

const whereNames: Record<string, string> = { path: "sti", query: "forespørgsel" };

function Parameters({ op }: { op: Operation }) {
  const params = op.parameters ?? [];
  return (
    <DataTable
      caption={`Parametre til ${op.summary?.toLowerCase() ?? op.operationId}`}
      columns={[
        { header: "Navn", rowHeader: true, cell: (p: Parameter) => <code>{p.name}</code> },
        { header: "Hvor", cell: (p: Parameter) => whereNames[p.in] ?? p.in },
        { header: "Type", cell: (p: Parameter) => typeLabel(p.schema) },
        { header: "Krævet", cell: (p: Parameter) => (p.required ? "ja" : "nej") },
        {
          header: "Beskrivelse",
          cell: (p: Parameter) => (
            <>
              {withCode(p.description ?? p.schema?.description ?? "")}
              {p.schema?.default !== undefined && ` Standard: ${String(p.schema.default)}.`}
            </>
          ),
        },
      ]}
      rows={params}
      compact
    />
  );
}

function OperationSection({ method, path, op }: { method: string; path: string; op: Operation }) {
  const example = op.responses?.["200"]?.content?.["application/json"]?.example;
  const request = op["x-codeSamples"]?.[0]?.source;
  return (
    <section aria-labelledby={op.operationId}>
      <h3 id={op.operationId}>
        {op.summary} <code>{`${method.toUpperCase()} ${link("/api")}${path}`}</code>
      </h3>
      {op.description && <p>{withCode(op.description)}</p>}
      <Parameters op={op} />
      {request && (
        <>
          <h4>Eksempel på forespørgsel</h4>
          <pre tabindex={0}>
            <code>{request}</code>
          </pre>
        </>
      )}
      {example !== undefined && (
        <>
          <h4>Eksempel på svar (200)</h4>
          <pre tabindex={0}>
            <code>{JSON.stringify(example, null, 2)}</code>
          </pre>
        </>
      )}
      <h4>Svar</h4>
      <ul>
        {Object.entries(op.responses ?? {}).map(([status, response]) => (
          <li>
            <code>{status}</code>: {response.description}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fields({ schema, title }: { schema: JsonSchema | undefined; title: string }) {
  const rows = Object.entries(schema?.properties ?? {});
  return (
    <DataTable
      caption={`Felter i ${title.toLowerCase()}`}
      columns={[
        { header: "Felt", rowHeader: true, cell: ([name]: [string, JsonSchema]) => <code>{name}</code> },
        { header: "Type", cell: ([, s]: [string, JsonSchema]) => typeLabel(s) },
        { header: "Beskrivelse", cell: ([, s]: [string, JsonSchema]) => withCode(s.description ?? "") },
      ]}
      rows={rows}
      compact
    />
  );
}

export function apiDocsPage(input: { document: OpenApiDocument; organisation?: string }) {
  const doc = input.document;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ method, path, op })),
  );
  const schemas = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const tags = doc.tags ?? [];
  const sections: [string, string[]][] = [
    ["Sider og markører", apiRules.pagination],
    ["Cache og CORS", apiRules.caching],
    ["Fejl", apiRules.errors],
    ["Data", apiRules.data],
  ];
  return (
    <Layout
      title="API"
      description="Pejls åbne JSON-API: endepunkter, parametre, eksempler og regler for sider og cache."
      currentPath="/api"
      organisation={input.organisation}
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "API" }]}
    >
      <h1>Åbent API</h1>
      <p class="font-lead">{doc.info.description?.split("\n\n")[0]}</p>
      <p>
        Den maskinlæsbare beskrivelse er <a href={link("/api/openapi.json")}>OpenAPI 3.1-dokumentet</a>{" "}
        (version {doc.info.version}). Alle adresser begynder med <code>{link("/api/v1/")}</code> og svarer med
        JSON.
      </p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">Indhold</h2>
        <ul>
          {tags.map((tag) => (
            <li>
              {tag.name}:{" "}
              {operations
                .filter((o) => o.op.tags?.includes(tag.name))
                .map((o, i) => (
                  <>
                    {i > 0 && ", "}
                    <a href={`#${o.op.operationId}`}>{o.op.summary}</a>
                  </>
                ))}
            </li>
          ))}
        </ul>
      </nav>
      <h2>Sådan virker API'et</h2>
      {sections.map(([heading, rules]) => (
        <>
          <h3>{heading}</h3>
          <ul>
            {rules.map((rule) => (
              <li>{withCode(rule)}</li>
            ))}
          </ul>
        </>
      ))}
      {tags.map((tag) => {
        const ops = operations.filter((o) => o.op.tags?.includes(tag.name));
        const schemaName = schemaFor(ops, schemas);
        return (
          <section aria-labelledby={`tag-${slugOf(tag.name)}`}>
            <h2 id={`tag-${slugOf(tag.name)}`}>{tag.name}</h2>
            {tag.description && <p>{withCode(tag.description)}</p>}
            {schemaName && <Fields schema={schemas[schemaName]} title={tag.name} />}
            {ops.map((o) => (
              <OperationSection {...o} />
            ))}
          </section>
        );
      })}
    </Layout>
  );
}

/** The item schema of a resource: what its get operation's `data` refers to. */
function schemaFor(ops: { op: Operation }[], schemas: Record<string, JsonSchema>): string | undefined {
  for (const { op } of ops) {
    const ref = (op.responses?.["200"]?.content?.["application/json"] as { schema?: JsonSchema } | undefined)
      ?.schema?.$ref;
    const wrapper = ref ? schemas[ref.split("/").pop()!] : undefined;
    const data = wrapper?.properties?.data;
    if (data?.$ref) return data.$ref.split("/").pop();
  }
  return undefined;
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "oe")
    .replace(/[å]/g, "aa")
    .replace(/[^a-z0-9]+/g, "-");
