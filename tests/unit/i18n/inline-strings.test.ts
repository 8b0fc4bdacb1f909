import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findInlineStrings } from "@/tests/support/inline-strings";
import { ENGLISH_ON_PURPOSE } from "./english-on-purpose";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".tsx"))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const files = [...tsxFiles("app"), ...tsxFiles("components")].sort();
const findings = new Map(files.map((file) => [file, findInlineStrings(file, readFileSync(path.join(ROOT, file), "utf8"))]));

describe("user-visible text in app/ and components/", () => {
  it("comes from the message catalog, never written inline in English", () => {
    const inline = [...findings].filter(([file]) => !ENGLISH_ON_PURPOSE.has(file)).flatMap(([, found]) => found);
    expect(inline.map(({ file, line, text }) => `${file}:${line} "${text}"`)).toEqual([]);
  });

  it("lets through only the API reference, which is English on purpose, and only while it is", () => {
    const clean = [...ENGLISH_ON_PURPOSE].filter((file) => !findings.has(file) || findings.get(file)!.length === 0);
    expect(clean).toEqual([]);
  });

  it("catches a heading, a label, an aria-label and a conditional written in English", () => {
    const found = findInlineStrings(
      "example.tsx",
      `export const A = ({ on }: { on: boolean }) => (
        <main>
          <h1>Queue</h1>
          <Field name="x" label="Outcome" />
          <button aria-label="Close">×</button>
          <p>{on ? "Open" : "Closed"}</p>
          <p>{t("queue.title")} · {count} · NPS</p>
        </main>
      );`,
    );
    expect(found.map((f) => f.text)).toEqual(["Queue", "Outcome", "Close", "Open", "Closed"]);
  });
});
