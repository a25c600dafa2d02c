'use strict';
// muster demo frontend: serves index.html and proxies /api/* to the backend.
// Node standard library only; works on Node 18 and 20.
//
//   FRONTEND_PORT=53000 BACKEND_URL=http://127.0.0.1:58000 node demo/frontend/server.js
//
// GET /healthz is this process's own liveness (it does not ask the backend).
// /demo/* are small endpoints to exercise a reverse proxy in front of it (muster's control.app):
// /demo/stream (server-sent events), /demo/upload (a streamed POST body), /demo/ws (WebSocket echo),
// /demo/echo-headers (what arrived), /demo/slow?ms=N (a late answer).

const crypto = require('crypto');
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

// GET /demo/stream?count=N&interval=MS: server-sent events, one every MS ms, then the end.
function stream(req, res, query) {
  const count = Math.min(Number.parseInt(query.get('count') || '5', 10) || 5, 1000);
  const interval = Math.min(Number.parseInt(query.get('interval') || '500', 10) || 500, 60000);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  let sent = 0;
  const tick = () => {
    sent += 1;
    res.write(`event: tick\ndata: ${sent} ${Date.now()}\n\n`);
    if (sent >= count) {
      res.end();
    } else {
      timer = setTimeout(tick, interval);
    }
  };
  let timer = setTimeout(tick, 0);
  req.on('close', () => clearTimeout(timer));
}

// POST /demo/upload: counts and hashes the body as it streams in; answers {"bytes", "sha256"}.
function upload(req, res) {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  req.on('data', (chunk) => { bytes += chunk.length; hash.update(chunk); });
  req.on('end', () => send(res, 200, 'application/json', JSON.stringify({ bytes, sha256: hash.digest('hex') }) + '\n'));
}

// GET /demo/echo-headers: the request's method, URL and headers, to see what a proxy forwarded.
function echoHeaders(req, res) {
  send(res, 200, 'application/json', JSON.stringify({ method: req.method, url: req.url, headers: req.headers }) + '\n');
}

// GET /demo/slow?ms=N: answers after N ms (at most 120 s), to see a proxy time out.
function slow(req, res, query) {
  const ms = Math.min(Number.parseInt(query.get('ms') || '1000', 10) || 1000, 120000);
  const timer = setTimeout(() => send(res, 200, 'text/plain; charset=utf-8', `slept ${ms}ms\n`), ms);
  req.on('close', () => clearTimeout(timer));
}

// /demo/ws: a WebSocket (RFC 6455) echo of text frames, small messages only (< 64 KiB, one frame).
function webSocketEcho(req, socket) {
  const key = req.headers['sec-websocket-key'];
  if (!key || (req.headers.upgrade || '').toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return;
  }
  const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buffered = Buffer.alloc(0);
  socket.on('data', (data) => {
    buffered = Buffer.concat([buffered, data]);
    while (buffered.length >= 2) {
      const opcode = buffered[0] & 0x0f;
      let length = buffered[1] & 0x7f;
      let offset = 2;
      if (length === 126) { if (buffered.length < 4) return; length = buffered.readUInt16BE(2); offset = 4; }
      if (length === 127) { socket.destroy(); return; }
      const masked = (buffered[1] & 0x80) !== 0;
      const total = offset + (masked ? 4 : 0) + length;
      if (buffered.length < total) return;
      const mask = masked ? buffered.subarray(offset, offset + 4) : null;
      const payload = Buffer.from(buffered.subarray(total - length, total));
      if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] ^= mask[i % 4];
      buffered = buffered.subarray(total);
      if (opcode === 0x8) { socket.end(Buffer.from([0x88, 0x00])); return; }
      if (opcode === 0x9) { socket.write(Buffer.concat([Buffer.from([0x8a, payload.length]), payload])); continue; }
      if (opcode !== 0x1) continue;
      const header = payload.length < 126 ? Buffer.from([0x81, payload.length])
        : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
      socket.write(Buffer.concat([header, payload]));
    }
  });
  socket.on('error', () => socket.destroy());
}

function handle(req, res) {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stderr.write(`${req.socket.remoteAddress} "${req.method} ${req.url}" ${res.statusCode} ${ms.toFixed(1)}ms\n`);
  });

  const url = new URL(req.url, 'http://frontend');
  const pathname = url.pathname;
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    proxy(req, res);
  } else if (pathname === '/demo/stream' && req.method === 'GET') {
    stream(req, res, url.searchParams);
  } else if (pathname === '/demo/upload' && req.method === 'POST') {
    upload(req, res);
  } else if (pathname === '/demo/echo-headers') {
    req.resume();
    echoHeaders(req, res);
  } else if (pathname === '/demo/slow' && req.method === 'GET') {
    slow(req, res, url.searchParams);
  } else if (pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
  } else if ((pathname === '/' || pathname === '/index.html') && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': indexHtml.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
  } else {
    req.resume();
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }
}

const server = http.createServer(handle);

// With an 'upgrade' listener Node hands over every request that offers an upgrade, including the
// h2c offer of Java's HttpClient (muster's http probe): answer those as plain HTTP/1.1, then close.
server.on('upgrade', (req, socket) => {
  if ((req.headers.upgrade || '').toLowerCase() === 'websocket') {
    if (req.url.split('?')[0] === '/demo/ws') {
      webSocketEcho(req, socket);
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
    return;
  }
  const res = new http.ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.on('finish', () => socket.end());
  handle(req, res);
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
