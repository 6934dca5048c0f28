/**
 * Exposes the typed API bridge and event subscription to the renderer, nothing else.
 * Built as CommonJS: sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../main/api/contract';

const bridge = {
  invoke: (method, input, sessionId) =>
    ipcRenderer.invoke('sightline:invoke', method, input, sessionId) as ReturnType<
      PreloadBridge['invoke']
    >,
  on: (event, listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('sightline:event', handler);
    return () => ipcRenderer.off('sightline:event', handler);
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('sightline', bridge);
