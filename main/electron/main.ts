/**
 * The Electron host: one window over the core, bound through IPC. The only folder that
 * imports 'electron'. Security follows the Electron checklist in ARCHITECTURE.md.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { startCore, type Core } from '../app/start';
import { DatabaseOpenError } from '../store/errors';
import { keychainProtector } from './keychain';

const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by electron-vite in development
const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
const allowedOrigin = rendererUrl ? new URL(rendererUrl).origin : 'file://';

let core: Core | null = null;
let window: BrowserWindow | null = null;

function isOurFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame) return false;
  const url = new URL(frame.url);
  return rendererUrl ? url.origin === allowedOrigin : url.protocol === 'file:';
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Sightline',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const sameOrigin = (url: string) => {
    const target = new URL(url);
    return rendererUrl ? target.origin === allowedOrigin : target.protocol === 'file:';
  };
  win.webContents.on('will-navigate', (event, url) => {
    if (!sameOrigin(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!sameOrigin(url)) event.preventDefault();
  });
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererFile);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  try {
    core = await startCore({
      host: 'electron',
      dataDir: process.env.SIGHTLINE_DATA_DIR ?? app.getPath('userData'),
      schedulePipeline: true,
      keyProtector: await keychainProtector((m) => console.log(m)),
    });
  } catch (error) {
    const { dialog } = await import('electron');
    dialog.showErrorBox(
      'Sightline could not open its data',
      error instanceof DatabaseOpenError ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  const c = core;
  ipcMain.handle(
    'sightline:invoke',
    (event, method: unknown, input: unknown, sessionId: unknown) => {
      if (!isOurFrame(event)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Calls are accepted only from Sightline’s own window.',
          },
        };
      }
      return c.router.call(String(method), input, typeof sessionId === 'string' ? sessionId : null);
    },
  );
  c.events.onAny((name, payload) => window?.webContents.send('sightline:event', name, payload));
  window = createWindow();
  app.on('window-all-closed', () => {
    void c.close().then(() => app.quit());
  });
}

void main();
