import { createRequire } from "node:module";

// Next bundles route handlers and server components under the react-server condition, where react-dom/server is
// an empty module (and importing it is refused). Loaded through Node's own resolver at run time, it is the real
// server renderer: for the survey pages (lib/http/html-response.ts) and the emails (emails/render-html.ts).
export const { renderToStaticMarkup } = createRequire(import.meta.url)("react-dom/server") as typeof import("react-dom/server");
