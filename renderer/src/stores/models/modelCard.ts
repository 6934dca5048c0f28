import type { ModelCardFormat } from '../../api/types';
import { request } from '../request';
import { saveFile } from '../saveFile';
import { modelCardBlob } from './cardFile';

/** Asks the core for a version's model card (the core logs the export) and downloads it. */
export async function downloadModelCard(modelId: string, format: ModelCardFormat): Promise<string> {
  const card = await request('models.card', { modelId, format });
  saveFile(card.fileName, modelCardBlob(card, format));
  return card.fileName;
}
