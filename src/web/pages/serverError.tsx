// 500 in Danish. Never shows the error itself (no message, no stack trace):
// those go to the log; the reference lets support find the log line.

import { link } from "../../http/links.ts";
import { Layout } from "../components/Layout.tsx";
import type { ErrorPageOptions } from "./notFound.tsx";

export interface ServerErrorOptions extends ErrorPageOptions {
  /** Request or error id written to the log, for the user to quote. */
  reference?: string;
}

export function serverErrorPage(opts: ServerErrorOptions = {}) {
  return (
    <Layout title="Der skete en fejl" organisation={opts.organisation} variant={opts.variant}>
      <h1>Der skete en fejl</h1>
      <p class="font-lead">Beklager, der skete en fejl hos os, så siden ikke kunne vises.</p>
      <p>Prøv igen om lidt. Hvis du var ved at gemme noget, så kontrollér bagefter, om det blev gemt.</p>
      {opts.reference && (
        <p>
          Kontakter du os om fejlen, så oplys referencen <strong>{opts.reference}</strong>.
        </p>
      )}
      <p>
        <a href={link("/")}>Gå til forsiden</a>
      </p>
    </Layout>
  );
}
