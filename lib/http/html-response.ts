import { createRequire } from "node:module";
import type { ReactElement } from "react";
import { SURVEY_CONTENT_SECURITY_POLICY, withSecurityHeaders } from "./security-headers";

// Next bundles route handlers under the react-server condition, where react-dom/server is an empty module.
// Loading it through Node's own resolver at run time gets the real server renderer.
const { renderToStaticMarkup } = createRequire(import.meta.url)("react-dom/server") as typeof import("react-dom/server");

/**
 * The public survey pages are rendered to plain HTML: no hydration, no client JavaScript at all, so they load
 * fast on a phone and work with scripts disabled.
 */
export function htmlResponse(page: ReactElement, status = 200): Response {
  return new Response(`<!doctype html>${renderToStaticMarkup(page)}`, {
    status,
    headers: withSecurityHeaders(
      new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }),
      SURVEY_CONTENT_SECURITY_POLICY,
    ),
  });
}
