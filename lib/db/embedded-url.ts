// The embedded Postgres's URL says what it is (application_name), so every process it is handed to knows it
// shares one session: startEmbeddedPostgres writes it, lib/db/client.ts reads it.

export const EMBEDDED_APPLICATION_NAME = "nps-embedded";

export function isEmbeddedDatabase(url: string): boolean {
  try {
    return new URL(url).searchParams.get("application_name") === EMBEDDED_APPLICATION_NAME;
  } catch {
    return false;
  }
}
