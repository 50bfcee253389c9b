// Every public API resource, in the order of the open-data package (DESIGN.md §4).
import type { AnyResource } from "../resource.ts";
import { documentResource, provenanceResource } from "./documents.ts";
import { hearingResource, hearingResponseResource, inquiryResource } from "./hearings.ts";
import { indicatorResource, observationResource } from "./indicators.ts";
import { annualTargetResource, budgetLineResource, initiativeResource } from "./initiatives.ts";
import { administrationResource, committeeResource } from "./organisation.ts";
import { goalResource, policyResource, themeResource } from "./policies.ts";

export const apiResources: AnyResource[] = [
  administrationResource,
  committeeResource,
  policyResource,
  themeResource,
  goalResource,
  indicatorResource,
  observationResource,
  initiativeResource,
  budgetLineResource,
  annualTargetResource,
  documentResource,
  provenanceResource,
  inquiryResource,
  hearingResource,
  hearingResponseResource,
];
