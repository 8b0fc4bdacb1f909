import type { ReactNode } from "react";
import { textColorOn } from "@/lib/surveys/brand-color";

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1d2433;line-height:1.5}
header{padding:14px 20px;color:#fff;font-weight:700;font-size:18px}
main{max-width:560px;margin:0 auto;padding:20px}
.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:22px;margin:0 0 12px}
p{margin:0 0 12px}
label{display:block;font-weight:600;margin:14px 0 6px}
textarea,input[type=tel]{width:100%;font:inherit;padding:10px;border:1px solid #c5cad3;border-radius:8px}
textarea{min-height:120px}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.check input{margin-top:5px;width:18px;height:18px}
button,.button{display:inline-block;margin-top:16px;padding:12px 20px;border:0;border-radius:8px;color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.error{color:#b42318;font-size:14px;margin:6px 0 0}
.scale{display:flex;gap:4px;margin:8px 0 4px}
.scale a{flex:1;display:flex;align-items:center;justify-content:center;min-height:44px;padding:8px 0;border-radius:6px;color:#fff;font-weight:700;text-decoration:none;font-size:14px}
.scale a.chosen{outline:3px solid #1d2433;outline-offset:1px}
.scale button{min-height:44px}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #1d2433;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:12px;color:#5b6475}
.muted{color:#5b6475;font-size:14px}
.score{font-size:14px;color:#5b6475}
`;

export type Branding = { brand: string; brandColor: string };

/** The frame of every public survey page: mobile-first, branded, in the customer's language. */
export function SurveyPage({ lang, title, branding, children }: {
  lang: string;
  title: string;
  branding: Branding;
  children: ReactNode;
}) {
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${branding.brand}`}</title>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the page's own constant stylesheet, no input in it */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header style={{ background: branding.brandColor, color: textColorOn(branding.brandColor) }}>{branding.brand}</header>
        <main>
          <div className="card">{children}</div>
        </main>
      </body>
    </html>
  );
}
