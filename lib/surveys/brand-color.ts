import { hex as contrast } from "wcag-contrast";

const LIGHT_TEXT = "#ffffff";
const DARK_TEXT = "#1a1a1a";

/**
 * Text on the tenant's brand colour (the survey email's header, the survey pages' header and Send button): white or
 * near-black, whichever contrasts more, so a light brand colour never leaves the text unreadable.
 */
export function textColorOn(brandColor: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(brandColor)) return LIGHT_TEXT;
  return contrast(LIGHT_TEXT, brandColor) >= contrast(DARK_TEXT, brandColor) ? LIGHT_TEXT : DARK_TEXT;
}
