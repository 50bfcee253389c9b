// Fixed ids for the documentation's examples, so the page and the OpenAPI document do
// not change between builds. Example rows are illustrations, not data.
export const exampleIds = {
  administration: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d01",
  committee: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d02",
  policy: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d03",
  theme: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d04",
  goal: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d05",
  indicator: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d06",
  observation: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d07",
  initiative: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d08",
  budgetLine: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d09",
  annualTarget: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d0a",
  document: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d0b",
  provenance: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d0c",
  inquiry: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d0d",
  hearing: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d0e",
  hearingResponse: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d0f",
} as const;
