"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

type Progress = { processedRows: number; createdRows: number; updatedRows: number; rejectedRows: number };

/**
 * Uploads the CSV as the request body (streamed to the server's parser, no size limit of form posts) and shows
 * the counts the server streams back while it imports.
 */
export function ImportUpload() {
  const router = useRouter();
  const t = useTranslations("importUpload");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [state, setState] = useState<"idle" | "running" | "done" | "error">("idle");
  const [error, setError] = useState<string | null>(null);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError(t("chooseFile"));
      return;
    }
    setState("running");
    setError(null);
    setProgress({ processedRows: 0, createdRows: 0, updatedRows: 0, rejectedRows: 0 });
    const response = await fetch("/imports/upload", { method: "POST", body: file, headers: { "content-type": "text/csv", "x-file-name": encodeURIComponent(file.name) } });
    if (!response.ok || !response.body) {
      setState("error");
      setError(t("failed", { status: response.status }));
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) setProgress(JSON.parse(line) as Progress);
    }
    setState("done");
    router.refresh();
  }

  const counts = (p: Progress) =>
    t("progress", { processed: p.processedRows, created: p.createdRows, updated: p.updatedRows, rejected: p.rejectedRows });

  return (
    <form onSubmit={upload} className="form" noValidate>
      <div className="field">
        <label htmlFor="file">{t("file")}</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" />
        {error && <p className="field-error">{error}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={state === "running"}>
          {state === "running" ? t("importing") : t("submit")}
        </button>
        {progress && (
          <span className={state === "done" ? "form-ok" : "muted"} role="status" data-testid="import-progress">
            {state === "done" ? t("done", { progress: counts(progress) }) : counts(progress)}
          </span>
        )}
      </div>
    </form>
  );
}
