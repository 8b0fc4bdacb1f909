import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OpenID Connect provider (oidc-provider, a certified implementation) on loopback, for the single sign-on
// tests. Its login page is a one-field form: the account to sign in as, from `accounts`; consent is given with it.

export type TestAccount = { email: string; name?: string; groups?: string[]; email_verified?: boolean };

export type TestIdentityProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  stop: () => Promise<void>;
};

export async function startTestIdentityProvider(options: { redirectUri: string; clientId?: string; clientSecret?: string }): Promise<TestIdentityProvider> {
  const clientId = options.clientId ?? "nps-loop";
  const clientSecret = options.clientSecret ?? "test-client-secret-0123456789";
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], response_types: ["code"], grant_types: ["authorization_code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    pkce: { methods: ["S256"], required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["test-identity-provider-cookie-key"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...account }) };
    },
  });
  // oidc-provider logs every failed check on the console; the tests look at what the app does.
  provider.removeAllListeners("server_error");
  provider.on("server_error", () => undefined);
  const callback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const uid = req.url?.match(/^\/interaction\/([^/?]+)/)?.[1];
    if (!uid) return callback(req, res);
    void interaction(provider, req, res, uid).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string) {
  if (req.method === "GET") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><title>Test IdP</title><h1>Company sign-in</h1><form method="post" action="/interaction/${uid}">` +
        `<label>Account <input name="login" autofocus></label><button type="submit">Sign in</button></form>`,
    );
    return;
  }
  let body = "";
  for await (const chunk of req) body += chunk;
  const accountId = new URLSearchParams(body).get("login") ?? "";
  const details = await provider.interactionDetails(req, res);
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}
