// A period of the analytics views: from its first instant up to, not including, \`to\` (UTC days).
export type DateRange = { from: Date; to: Date };

export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
