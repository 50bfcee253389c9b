export { type AccessibilityPageOptions, accessibilityPage } from "./accessibility.tsx";
export { type BadRequestOptions, badRequestPage } from "./badRequest.tsx";
export { type ErrorPageOptions, notFoundPage } from "./notFound.tsx";
export { type ServerErrorOptions, serverErrorPage } from "./serverError.tsx";
