/**
 * The one page written in English on purpose: the REST API reference, beside the API's English field names and
 * error messages that scripts depend on (docs/i18n.md). Nothing else may join it.
 */
export const ENGLISH_ON_PURPOSE = new Set<string>(["components/api/api-docs.tsx"]);
