// A tiny static server for the built app under a sub-path (as a static host would serve it), used
// by the browser tests and the benchmark. Serves only dist/ and only to this machine.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.json': 'application/json',
	'.png': 'image/png',
};

/** Serves `root` at http://127.0.0.1:PORT`mount`; resolves to the base URL and a close function. */
export async function serve(root, mount = '/', extraFiles = {}) {
	const base = resolve(root);
	const server = createServer((req, res) => {
		const url = new URL(req.url, 'http://x');
		if (extraFiles[url.pathname]) {
			const file = extraFiles[url.pathname];
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'content-length': statSync(file).size,
			});
			createReadStream(file).pipe(res);
			return;
		}
		if (!url.pathname.startsWith(mount)) {
			res.writeHead(404).end('not found');
			return;
		}
		let rel = decodeURIComponent(url.pathname.slice(mount.length)) || 'index.html';
		if (rel.endsWith('/')) rel += 'index.html';
		const file = normalize(join(base, rel));
		if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
		});
		createReadStream(file).pipe(res);
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}${mount}`,
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((r) => server.close(r)),
	};
}
