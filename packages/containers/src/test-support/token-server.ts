// A token server for docker-registry's `auth: token` mode: issues RS256 JWTs (x5c header holding a
// self-signed certificate made with openssl) granting pull to anyone and push to one user.
import { execFileSync } from "node:child_process";
import { createPrivateKey, sign, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { freePort } from "./registry-server.js";

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
  /** Every token request seen: its query and whether it carried valid credentials. */
  requests: { service: string | null; scope: string | null; user?: string }[];
  registryAuthYaml(): string;
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString("base64url");

export async function startTokenServer(
  dir: string,
  user: { username: string; password: string },
): Promise<TokenServer> {
  const keyFile = join(dir, "token-key.pem");
  const certFile = join(dir, "token-cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "2",
      "-subj",
      "/CN=bulwark-test-token",
    ],
    {
      stdio: "ignore",
    },
  );
  const key = createPrivateKey(readFileSync(keyFile));
  const certDer = new X509Certificate(readFileSync(certFile)).raw;
  const port = await freePort();
  const service = "bulwark-test-registry";
  const issuer = "bulwark-test-issuer";
  const requests: TokenServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    const scope = url.searchParams.get("scope");
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const [name, password] = basic ? Buffer.from(basic, "base64").toString().split(":") : [];
    if (basic && (name !== user.username || password !== user.password)) {
      requests.push({ service: url.searchParams.get("service"), scope });
      res.writeHead(401).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const authenticated = basic !== undefined;
    requests.push({
      service: url.searchParams.get("service"),
      scope,
      ...(authenticated ? { user: name } : {}),
    });
    const access = [];
    const m = /^repository:([^:]+):(.+)$/.exec(scope ?? "");
    if (m?.[1] && m[2]) {
      const actions = m[2].split(",").filter((a) => a === "pull" || (a === "push" && authenticated));
      access.push({ type: "repository", name: m[1], actions });
    }
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: "JWT", alg: "RS256", x5c: [certDer.toString("base64")] }));
    const claims = b64url(
      JSON.stringify({
        iss: issuer,
        sub: authenticated ? name : "",
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: `${now}-${requests.length}`,
        access,
      }),
    );
    const signature = b64url(sign("RSA-SHA256", Buffer.from(`${header}.${claims}`), key));
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ token: `${header}.${claims}.${signature}`, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const realm = `http://127.0.0.1:${port}/token`;
  return {
    realm,
    service,
    issuer,
    certFile,
    requests,
    registryAuthYaml: () =>
      [
        "token:",
        `  realm: ${realm}`,
        `  service: ${service}`,
        `  issuer: ${issuer}`,
        `  rootcertbundle: ${certFile}`,
      ].join("\n"),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
