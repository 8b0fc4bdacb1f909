import type { ReactElement } from "react";
import { renderToStaticMarkup } from "../static-markup";
import { SURVEY_CONTENT_SECURITY_POLICY, withSecurityHeaders } from "./security-headers";

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
