// A tiny static file server for browser tests: serves a site directory at / and the test fixtures
// at /__devkit_test__/, on 127.0.0.1 with a random port. It records every request path.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};
export const FIXTURES_PREFIX = "/__devkit_test__/";

/** Starts the server; resolves to { port, requests, close() }. */
export function serveStatic({ root, fixtures }) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push({ host: req.headers.host, path: url.pathname });
    let base = root;
    let rel = decodeURIComponent(url.pathname);
    if (rel.startsWith(FIXTURES_PREFIX)) {
      base = fixtures;
      rel = rel.slice(FIXTURES_PREFIX.length - 1);
    }
    let file = path.join(base, path.normalize(rel));
    if (!file.startsWith(path.resolve(base))) return send(res, 403, "forbidden");
    if (rel.endsWith("/")) file = path.join(file, "index.html");
    fs.readFile(file, (error, body) => {
      if (error) return send(res, 404, "not found");
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve({
        port: server.address().port,
        requests,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(done);
        }),
      });
    });
  });
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(text);
}
