// `npm start`: the desktop app. Fetches Electron's binary if it is missing (where the network
// allows), builds better-sqlite3 for Electron's ABI beside the Node build, then runs the app.
// Where Electron cannot be had, it says so and points at the browser host.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinaryPath, electronDir, electronVersion } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');

function fail(message) {
  console.error(`\n${message}\n\nYou can run the same app in your browser instead:  npm run web\n`);
  process.exit(1);
}

if (!electronBinaryPath()) {
  console.log('Electron’s binary is not installed yet; trying to download it…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  if (result.status !== 0 || !electronBinaryPath()) {
    fail(
      'Sightline’s desktop window needs Electron’s binary, and it could not be downloaded on this machine.',
    );
  }
}

// better-sqlite3 in node_modules is built for Node (tests, web host, CLI). Electron needs its
// own build; keep it in .electron-native/ so the two never overwrite each other.
const version = electronVersion();
// Keyed by the SQLite package too: a build from before encryption must not be reused.
const sqlitePkg = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
);
const nativeDir = path.join(
  root,
  '.electron-native',
  `${version}-${sqlitePkg.name}-${sqlitePkg.version}`,
);
const binding = path.join(nativeDir, 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(binding)) {
  console.log(`Building ${sqlitePkg.name} for Electron ${version}…`);
  fs.rmSync(nativeDir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), nativeDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const gyp = spawnSync(
    'npx',
    [
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: nativeDir, stdio: 'inherit' },
  );
  if (gyp.status !== 0 || !fs.existsSync(binding)) {
    fail(
      'Building better-sqlite3 for Electron failed (it needs Electron’s headers from electronjs.org).',
    );
  }
}

const run = spawnSync('npx', ['electron-vite', 'preview'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SIGHTLINE_SQLITE_BINDING: binding },
});
process.exit(run.status ?? 1);
