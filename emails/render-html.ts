import type { ReactElement } from "react";
import { renderToStaticMarkup } from "@/lib/static-markup";

// The doctype email clients expect, as React Email writes it.
const XHTML_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * An email's HTML. Rendered at once by React rather than by @react-email/render, which streams it through web
 * streams to wait for suspended parts: our templates never suspend, and the worker renders an email for nearly
 * every detractor's click and every survey sent (measured: 2.6 ms of CPU an alert that way, 0.4 ms here; the
 * markup is the same but for React Email's HTML comments).
 */
export function renderEmailHtml(email: ReactElement): string {
  return XHTML_DOCTYPE + renderToStaticMarkup(email);
}
