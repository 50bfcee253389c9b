// The inquiry's life: new → drafting → approved → sent. An approved answer is
// frozen (it is the text a director signs) until it is reopened to drafting; a
// sent answer is final.
import type { InquiryState } from "../../domain/enums.ts";
import { AppError } from "../../errors.ts";

const next: Record<InquiryState, readonly InquiryState[]> = {
  new: ["drafting"],
  drafting: ["drafting", "approved"],
  approved: ["drafting", "sent"],
  sent: [],
};

export function canTransition(from: InquiryState, to: InquiryState): boolean {
  return next[from].includes(to);
}

const danish: Record<InquiryState, string> = {
  new: "Spørgsmålet har endnu intet udkast til svar.",
  drafting: "Svaret er ikke godkendt endnu.",
  approved: "Svaret er godkendt og kan ikke ændres. Genåbn det for at rette det.",
  sent: "Svaret er sendt og kan ikke ændres.",
};

export function assertTransition(from: string, to: InquiryState): void {
  if (canTransition(from as InquiryState, to)) return;
  throw new AppError("invalid_state", `An inquiry that is ${from} cannot become ${to}.`, {
    danish: danish[from as InquiryState] ?? "Handlingen er ikke mulig i den nuværende tilstand.",
  });
}

/** The answer and its scope may be changed only before approval (reopening is its own step). */
export function assertEditable(state: string): void {
  if (state === "new" || state === "drafting") return;
  assertTransition(state, "new");
}
