'use strict';
// muster demo frontend: serves index.html and proxies /api/* to the backend.
// Node standard library only; works on Node 18 and 20.
//
//   FRONTEND_PORT=53000 BACKEND_URL=http://127.0.0.1:58000 node demo/frontend/server.js
//
// GET /healthz is this process's own liveness (it does not ask the backend).

const fs = require('fs');
const http = require('http');
const path = require('path');

function fail(message, code) {
  process.stderr.write(`frontend: ${message}\n`);
  process.exit(code);
}

const host = process.env.FRONTEND_HOST || '127.0.0.1';
const port = Number.parseInt(process.env.FRONTEND_PORT || '3000', 10);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`FRONTEND_PORT is not a port number: ${process.env.FRONTEND_PORT}`, 2);
}
if (!process.env.BACKEND_URL) {
  fail('BACKEND_URL is not set; refusing to guess a default', 2);
}
let backend;
try {
  backend = new URL(process.env.BACKEND_URL);
} catch (e) {
  fail(`BACKEND_URL is not a URL: ${process.env.BACKEND_URL}`, 2);
}
if (backend.protocol !== 'http:') {
  fail(`BACKEND_URL must be http://, got ${backend.protocol}`, 2);
}

const indexPath = path.join(__dirname, 'index.html');
let indexHtml;
try {
  indexHtml = fs.readFileSync(indexPath);
} catch (e) {
  fail(`cannot read ${indexPath}: ${e.message}`, 1);
}

// Hop-by-hop headers are not forwarded (RFC 9110 section 7.6.1).
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization',
  'te', 'trailer', 'transfer-encoding', 'upgrade',
]);

function endToEnd(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

function proxy(req, res) {
  const headers = endToEnd(req.headers);
  headers.host = backend.host;
  const upstream = http.request({
    protocol: backend.protocol,
    hostname: backend.hostname,
    port: backend.port || 80,
    method: req.method,
    path: backend.pathname.replace(/\/$/, '') + req.url,
    headers,
    timeout: 15000,
  }, (upRes) => {
    res.writeHead(upRes.statusCode, upRes.statusMessage, endToEnd(upRes.headers));
    upRes.pipe(res);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('backend did not answer within 15s')));
  upstream.on('error', (err) => {
    if (!res.headersSent) {
      send(res, 502, 'application/json', JSON.stringify({ error: `backend ${backend.origin} unreachable: ${err.message}` }) + '\n');
    } else {
      res.destroy(err);
    }
  });
  req.pipe(upstream);
}

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stderr.write(`${req.socket.remoteAddress} "${req.method} ${req.url}" ${res.statusCode} ${ms.toFixed(1)}ms\n`);
  });

  const pathname = req.url.split('?')[0];
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    proxy(req, res);
  } else if (pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
  } else if ((pathname === '/' || pathname === '/index.html') && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': indexHtml.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
  } else {
    req.resume();
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }
});

server.on('error', (err) => fail(`cannot listen on ${host}:${port}: ${err.message}`, 1));

server.listen(port, host, () => {
  process.stdout.write(`frontend listening on ${host}:${port}\n`);
});

function shutdown(signal) {
  process.stderr.write(`frontend: received ${signal}, shutting down\n`);
  server.close(() => process.exit(0));
  if (typeof server.closeAllConnections === 'function') server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
