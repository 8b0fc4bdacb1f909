import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/rate-limit";

const withForwardedFor = (value: string) => new Request("http://x/", { headers: { "x-forwarded-for": value } });

describe("the client address used for rate limits", () => {
  it("is the hop nearest to us, so a client cannot pick its own bucket by sending the header", () => {
    expect(clientAddress(withForwardedFor("1.1.1.1, 203.0.113.5"), 0)).toBe("203.0.113.5");
  });

  it("skips the reverse proxies we trust", () => {
    expect(clientAddress(withForwardedFor("1.1.1.1, 203.0.113.5, 10.0.0.2"), 1)).toBe("203.0.113.5");
  });

  it("is one shared bucket when nothing says who the client is", () => {
    expect(clientAddress(new Request("http://x/"), 0)).toBe("unknown");
  });
});
