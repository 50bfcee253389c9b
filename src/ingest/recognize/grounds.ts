// The equality-ground word list lives in domain/ (inquiryScope needs it, and
// domain/ must not depend on ingest/); the recognizers keep importing it here.
export { firstHits, groundsIn } from "../../domain/equalityGroundWords.ts";
