/**
 * What every OneRoster file importer shares: its columns as FieldSpecs, and the frame around
 * each row (sourcedId present, remembered as seen, status read) before the file's own logic.
 */
import type { ImportContext, RowImporter, RowResult, RowWriter } from '../importer';
import { pick, type FieldSpec } from '../mapping';
import { onFileEnd, type FileSession } from './file-session';
import { rowLifecycle } from './lifecycle';
import type { BundleState } from './state';
import type { PreRow } from './pre-read';

/**
 * The columns a file importer reads. OneRoster headers are fixed by the binding, so each
 * field's key is the column name and there are no aliases. sourcedId is always required;
 * status and dateLastModified are required in delta files, where every row must carry them.
 */
export function columns(
  mode: 'bulk' | 'delta',
  required: readonly string[],
  optional: readonly string[],
): FieldSpec[] {
  const spec = (key: string, isRequired: boolean): FieldSpec => ({
    key,
    label: key,
    required: isRequired,
    aliases: [],
  });
  return [
    spec('sourcedId', true),
    spec('status', mode === 'delta'),
    spec('dateLastModified', mode === 'delta'),
    ...required.map((k) => spec(k, true)),
    ...optional.map((k) => spec(k, false)),
  ];
}

export interface Row {
  /** 0-based position among the rows handed to the writer (see ParentFirst). */
  ordinal: number;
  sourcedId: string;
  data: PreRow;
}

export interface RowHandlers {
  upsert(row: Row): RowResult;
  remove(row: Row): RowResult;
  /** After the last row, inside the file's transaction (bulk tombstoning, for instance). */
  finish?(): void;
}

export interface FileEnv {
  bundle: BundleState;
  session: FileSession;
}

export function rosterImporter(
  env: FileEnv,
  title: string,
  fields: FieldSpec[],
  open: (ctx: ImportContext) => RowHandlers,
): RowImporter {
  return {
    kind: 'oneroster',
    title,
    fields,
    fileNameHints: [],
    defaultSourceSystem: 'oneroster',
    open(ctx): RowWriter {
      env.session.now = ctx.now;
      const handlers = open(ctx);
      const { finish } = handlers;
      if (finish) onFileEnd(ctx, finish);
      let ordinal = -1;
      return (values, mapping) => {
        ordinal++;
        const data: PreRow = { line: 0, get: (column) => pick(values, mapping, column) };
        const sourcedId = data.get('sourcedId');
        if (sourcedId === '') {
          return { reason: 'sourcedId is empty: every OneRoster row needs its identifier.' };
        }
        env.session.seen.add(sourcedId);
        const life = rowLifecycle(
          env.session.mode,
          data.get('status'),
          data.get('dateLastModified'),
        );
        if ('reason' in life) return life;
        const row = { ordinal, sourcedId, data };
        return life.action === 'delete' ? handlers.remove(row) : handlers.upsert(row);
      };
    },
  };
}
