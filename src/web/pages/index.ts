export { accessibilityPage } from "./accessibility.tsx";
export { badRequestPage } from "./badRequest.tsx";
export { notFoundPage } from "./notFound.tsx";
export { serverErrorPage } from "./serverError.tsx";
