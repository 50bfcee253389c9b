// "Log ind": e-mail and password, DKFDS form with an error summary. The
// message after a failure is the same whether the e-mail exists or not.
import { CSRF_FIELD } from "../../../../http/csrf.ts";
import { link } from "../../../../http/links.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../../../components/ErrorSummary.tsx";
import { Button, TextInput } from "../../../components/FormControls.tsx";
import { Layout } from "../../../components/Layout.tsx";

export const LOGIN_MESSAGES = {
  invalid: "E-mail eller adgangskode er forkert.",
  throttled: "For mange mislykkede forsøg. Vent 15 minutter, og prøv igen.",
  missingEmail: "Skriv din e-mailadresse.",
  missingPassword: "Skriv din adgangskode.",
} as const;

export interface LoginPageProps {
  organisation: string;
  csrf: string;
  email?: string;
  next?: string;
  errors?: FieldError[];
  loggedOut?: boolean;
  expired?: boolean;
}

export function loginPage(p: LoginPageProps) {
  const errors = p.errors ?? [];
  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Layout
      title={errors.length ? "Fejl: Log ind" : "Log ind"}
      variant="admin"
      organisation={p.organisation}
      nav={[]}
    >
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>Log ind</h1>
          {p.loggedOut && <Alert variant="success">Du er logget ud.</Alert>}
          {p.expired && <Alert variant="info">Log ind for at fortsætte.</Alert>}
          <ErrorSummary errors={errors} />
          <p>Log ind med den e-mailadresse og adgangskode, du har fået af Pejls administrator.</p>
          <form method="post" action={link("/admin/login")} novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            {p.next && <input type="hidden" name="next" value={p.next} />}
            <TextInput
              id="email"
              name="email"
              label="E-mail"
              type="email"
              autocomplete="username"
              value={p.email}
              required
              error={fieldError("email")}
            />
            <TextInput
              id="password"
              name="password"
              label="Adgangskode"
              type="password"
              autocomplete="current-password"
              required
              error={fieldError("password")}
            />
            <Button>Log ind</Button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
