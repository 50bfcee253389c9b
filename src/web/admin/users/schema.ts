// The user forms: a new user, and a user's role. Their fields as the pages show them again,
// the command input they become, and the Danish text for each field a command may refuse
// (form.ts reads them). A chosen administration that no longer exists is the command's
// refusal of that field.
import { z } from "zod";
import { userCreateSchema } from "../../../commands/userCreator.ts";
import { roleAssignSchema } from "../../../commands/users/roleAssigner.ts";
import type { Role } from "../../../domain/enums.ts";
import { type AdminForm, type FieldMessage, formText } from "../form.ts";
import type { NewUserValues } from "./pages/userPages.tsx";

const trimmed = formText.transform((s) => s.trim());

const roleMessages: Record<"role" | "administration", FieldMessage> = {
  role: "Vælg en rolle.",
  administration: (issue) =>
    issue.code === "custom" ? "Vælg indberetterens forvaltning." : "Vælg en forvaltning fra listen.",
};

/** A new user with the one-time password the route made for them. */
export const newUserForm = (
  password: string,
): AdminForm<NewUserValues, z.input<typeof userCreateSchema>> => ({
  fields: z.object({ name: trimmed, email: trimmed, role: trimmed, administration: trimmed }),
  // The role as chosen; the command's schema refuses one that is not a role.
  input: (v) => ({ ...v, role: v.role as Role, administration: v.administration || undefined, password }),
  rules: userCreateSchema,
  messages: {
    name: "Skriv brugerens navn.",
    email: "Skriv en gyldig e-mailadresse, fx navn@kommune.dk.",
    ...roleMessages,
  },
});

/** What the new user form says when the e-mail is taken. */
export const emailTaken = "Der findes allerede en bruger med den e-mail.";

export const roleForm = (
  userId: string,
): AdminForm<{ role: string; administration: string }, z.input<typeof roleAssignSchema>> => ({
  fields: z.object({ role: trimmed, administration: trimmed }),
  input: (v) => ({ userId, role: v.role as Role, administration: v.administration || null }),
  rules: roleAssignSchema,
  messages: roleMessages,
});
