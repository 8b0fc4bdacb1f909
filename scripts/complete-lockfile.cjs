// The npm registry these machines reach lacks the macOS and Windows builds of @next/swc, so npm leaves them out of
// package-lock.json and `npm ci` then refuses the lock. This adds their entries (optional, other platforms, never
// installed here). Run `npm run lockfile:complete` after changing dependencies.
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const missing = {
  "@next/swc-darwin-arm64": { cpu: ["arm64"], os: ["darwin"] },
  "@next/swc-darwin-x64": { cpu: ["x64"], os: ["darwin"] },
  "@next/swc-win32-arm64-msvc": { cpu: ["arm64"], os: ["win32"] },
  "@next/swc-win32-x64-msvc": { cpu: ["x64"], os: ["win32"] },
};
const version = lock.packages["node_modules/next"].version;
for (const [name, platform] of Object.entries(missing)) {
  lock.packages[`node_modules/${name}`] ??= { version, ...platform, license: "MIT", optional: true, engines: { node: ">= 10" } };
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
