/**
 * `npm run web`: the browser host. Prints an address carrying this run's access token; open it
 * in a browser on this machine. SIGHTLINE_PORT picks the port (default 4791),
 * SIGHTLINE_WEB_TOKEN fixes the token (tests), SIGHTLINE_DATA_DIR the data folder.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../app/start';
import { DatabaseOpenError } from '../store/errors';
import { startWebServer } from './server';

/** The folder holding package.json: this file runs from main/web/ (tsx) or out/web/ (bundled). */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

async function main(): Promise<void> {
  const started = performance.now();
  const port = Number(process.env.SIGHTLINE_PORT ?? 4791);
  const token = process.env.SIGHTLINE_WEB_TOKEN || randomBytes(24).toString('base64url');
  const core = await startCore({ host: 'web', schedulePipeline: true });
  const server = await startWebServer({
    core,
    token,
    port,
    staticDir: path.join(projectRoot(import.meta.dirname), 'dist-web'),
  });
  console.log(
    `Sightline is ready in ${Math.round(performance.now() - started)} ms.\n` +
      `Open ${server.url}?token=${token}\n(database: ${core.store.path}; only this machine can connect)`,
  );
  const stop = () => {
    void server
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseOpenError)
    console.error(`Sightline could not start: ${error.message}`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      'Sightline could not start: the port is in use. Set SIGHTLINE_PORT to another number.',
    );
  } else console.error('Sightline could not start:', error);
  process.exit(1);
});
