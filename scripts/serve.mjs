// A small static file server for the demo and the browser tests.
// Usage: node scripts/serve.mjs [DIR] [--port 8080] [--host 127.0.0.1]
// As a module: startServer({ root, port, headers(pathname) }) -> { url, close() }.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root`; `routes` maps URL prefixes to other directories
 * ({'/pages/': 'tests/browser/pages'}), or to a list of them, where the
 * first that has the file serves it ({'/wasm/': ['wasm', 'build/wasm/wasm']});
 * `headers(pathname)` may add or override response headers.
 */
export function startServer({ root, routes = {}, port = 0, host = '127.0.0.1', headers = () => ({}) }) {
  const server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      const prefix = Object.keys(routes).find((p) => pathname.startsWith(p));
      const bases = [prefix ? routes[prefix] : root].flat().map((dir) => path.resolve(dir));
      let found;
      for (const base of bases) {
        let file = path.join(base, prefix ? pathname.slice(prefix.length) : pathname);
        if (!file.startsWith(base)) throw Object.assign(new Error('outside root'), { status: 403 });
        try {
          if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
          found = { file, body: await readFile(file) };
          break;
        } catch (error) {
          if (error.code !== 'ENOENT' || base === bases.at(-1)) throw error;
        }
      }
      const { file, body } = found;
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers(pathname),
      });
      response.end(body);
    } catch (error) {
      const status = error.status ?? (error.code === 'ENOENT' ? 404 : 500);
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${status}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${['0.0.0.0', '127.0.0.1'].includes(host) ? 'localhost' : host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const root = args.find((a, i) => !a.startsWith('--') && !['--port', '--host'].includes(args[i - 1])) ?? 'dist/demo';
  const { url } = await startServer({
    root,
    port: Number(option('--port', process.env.PORT ?? 8080)),
    host: option('--host', '127.0.0.1'),
  });
  console.log(`serving ${root} at ${url} (Ctrl+C to stop)`);
}
