import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/identity/secret-box";

describe("client secrets at rest", () => {
  it("are sealed with a fresh IV each time and open to the same secret", () => {
    const [a, b] = [sealSecret("s3cret-value"), sealSecret("s3cret-value")];
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(openSecret(a)).toBe("s3cret-value");
  });

  it("refuse to open when the stored value was altered", () => {
    const [version, iv, tag, sealed] = sealSecret("s3cret-value").split(":");
    const flipped = Buffer.from(sealed!, "base64");
    flipped[0]! ^= 1;
    expect(() => openSecret([version, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
    expect(() => openSecret("plain-text")).toThrow(/Not a sealed secret/);
  });
});
