// 400 in Danish with the reason, e.g. a malformed search or page number. The
// message is shown as text (escaped), as it may echo the user's input.

import { link } from "../../http/links.ts";
import { Alert } from "../components/Alert.tsx";
import { Layout } from "../components/Layout.tsx";
import type { ErrorPageOptions } from "./notFound.tsx";

export interface BadRequestOptions extends ErrorPageOptions {
  /** What was wrong with the request, in Danish. */
  message: string;
  /** A path on this site to try again from (e.g. the search page); otherwise the front page. */
  backHref?: string;
}

export function badRequestPage(opts: BadRequestOptions) {
  // Only a path on this site: a "javascript:" or off-site URL must never become a link here.
  const back = opts.backHref && /^\/(?!\/)/.test(opts.backHref) ? opts.backHref : undefined;
  return (
    <Layout
      title="Forespørgslen kunne ikke behandles"
      organisation={opts.organisation}
      variant={opts.variant}
    >
      <h1>Forespørgslen kunne ikke behandles</h1>
      <Alert variant="error" heading="Det gik galt">
        {opts.message}
      </Alert>
      <p>Ret det, der står ovenfor, og prøv igen.</p>
      <p>
        <a href={link(back ?? "/")}>{back ? "Tilbage" : "Gå til forsiden"}</a>
      </p>
    </Layout>
  );
}
