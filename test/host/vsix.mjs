// The packaged extension: build a VSIX from the working tree, and install it into the test host's code-server.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** `vsce package` into outDir (dist/ must be built); returns the .vsix path. */
export function packageVsix(outDir) {
  const vsix = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/** Runs code-server's CLI (e.g. --install-extension) with Node 24 first on PATH; returns its stdout. */
export function codeServerCli(host, args) {
  return execFileSync(host.codeServer, args,
    { env: { ...process.env, PATH: `${host.node24Bin}:${process.env.PATH}` }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
