import { ApiError, type ImportSummary, type QuarantineRow } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { requireRole } from '../auth/roles';
import { toCsv } from '../export/csv';
import type { SelectQueryBuilder } from 'kysely';
import type { Database, ImportRecord } from '../../db/schema';
import type { Session } from '../auth/sessions';
import { summarize } from './report';
import { loadDateOrder } from './settings';
import { previewStaged } from './preview';
import { IMPORTING_ROLES, kindNotAllowed, loadImportScope, mayImport } from './scope';

type ImportMethods =
  | 'imports.stage'
  | 'imports.append'
  | 'imports.preview'
  | 'imports.start'
  | 'imports.list'
  | 'imports.quarantine'
  | 'imports.exportCsv'
  | 'imports.settings';

const IMPORTERS = IMPORTING_ROLES;
const WHAT = 'import data';

/**
 * District administrators see every import; anyone else only the imports they started
 * (an import's file names, headers and quarantined rows are student records).
 */
function visibleImports(session: Session) {
  return <QB extends SelectQueryBuilder<Database, 'imports', object>>(q: QB): QB =>
    session.staff.role === 'district_admin'
      ? q
      : (q.where((eb) =>
          eb(
            'imports.job_id',
            'in',
            eb
              .selectFrom('jobs')
              .select('jobs.id')
              .where('jobs.requested_by', '=', session.staff.id),
          ),
        ) as QB);
}

export function toImportSummary(r: ImportRecord): ImportSummary {
  const counts = {
    rowsTotal: r.rows_total,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    deleted: r.deleted,
    quarantined: r.quarantined,
    ignored: r.ignored,
  };
  return {
    importId: r.id,
    jobId: r.job_id,
    kind: r.kind,
    fileName: r.file_name,
    mode: r.mode,
    status: r.status,
    ...counts,
    summary: summarize(counts, r.status, r.error),
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export const importHandlers: Pick<HandlerMap, ImportMethods> = {
  'imports.stage'(input, ctx) {
    const { staff } = requireRole(ctx, IMPORTERS, WHAT);
    return { stagedId: ctx.staging.create(input.fileName, input.size, staff.id).id };
  },

  'imports.append'(input, ctx) {
    const { staff } = requireRole(ctx, IMPORTERS, WHAT);
    const bytes = Buffer.from(input.data, 'base64');
    return { received: ctx.staging.append(input.stagedId, input.offset, bytes, staff.id) };
  },

  async 'imports.preview'(input, ctx) {
    const { staff } = requireRole(ctx, IMPORTERS, WHAT);
    return previewStaged(ctx.store.sqlite, ctx.staging.complete(input.stagedId, staff.id), input, {
      role: staff.role,
      scope: loadImportScope(ctx.store.sqlite, staff.id),
    });
  },

  async 'imports.start'(input, ctx) {
    const session = requireRole(ctx, IMPORTERS, WHAT);
    const refused = input.files.find((f) => !mayImport(session.staff.role, f.kind));
    if (refused) throw new ApiError('forbidden', kindNotAllowed(session.staff.role, refused.kind));
    const files = input.files.map((f) => {
      const staged = ctx.staging.complete(f.stagedId, session.staff.id);
      return { path: staged.path, name: staged.fileName, kind: f.kind, mapping: f.mapping ?? null };
    });
    const jobId = ctx.jobs.start(
      'import',
      { files, runPipeline: input.runPipeline, requestedBy: session.staff.id },
      session.staff.id,
    );
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: 'data.import',
      entityType: 'job',
      entityId: jobId,
      detail: { files: files.map((f) => ({ name: f.name, kind: f.kind })) },
    });
    return { jobId };
  },

  async 'imports.list'(input, ctx) {
    const session = requireRole(ctx, IMPORTERS, 'see imports');
    const rows = await ctx.store.db
      .selectFrom('imports')
      .selectAll()
      .$call(visibleImports(session))
      .$if(input.jobId !== undefined, (q) => q.where('job_id', '=', input.jobId!))
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .execute();
    return { imports: rows.map(toImportSummary) };
  },

  async 'imports.quarantine'(input, ctx) {
    const session = requireRole(ctx, IMPORTERS, 'see quarantined rows');
    const own = await ctx.store.db
      .selectFrom('imports')
      .select('id')
      .where('id', '=', input.importId)
      .$call(visibleImports(session))
      .executeTakeFirst();
    if (!own) throw new ApiError('not_found', 'There is no such import.');
    const base = ctx.store.db.selectFrom('quarantine').where('import_id', '=', input.importId);
    const { total } = await base
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    const rows = await base
      .select(['id', 'source_file', 'line_number', 'reason', 'raw'])
      .orderBy('line_number')
      .orderBy('id')
      .limit(input.limit)
      .offset(input.offset)
      .execute();
    return {
      total,
      rows: rows.map((r): QuarantineRow => ({
        id: r.id,
        fileName: r.source_file,
        line: r.line_number,
        reason: r.reason,
        raw: r.raw,
      })),
    };
  },

  async 'imports.exportCsv'(input, ctx) {
    const session = requireRole(ctx, IMPORTERS, 'export import reports');
    const imports = await ctx.store.db
      .selectFrom('imports')
      .selectAll()
      .$call(visibleImports(session))
      .$if(input.importId !== undefined, (q) => q.where('id', '=', input.importId!))
      .$if(input.jobId !== undefined, (q) => q.where('job_id', '=', input.jobId!))
      .orderBy('started_at')
      .execute();
    if (imports.length === 0) throw new ApiError('not_found', 'There is no such import.');
    const stamp = new Date().toISOString().slice(0, 10);
    let csv: string;
    let rowCount: number;
    if (input.what === 'report') {
      const rows = imports
        .map(toImportSummary)
        .map((r) => [
          r.fileName,
          r.kind,
          r.mode ?? '',
          r.status,
          r.rowsTotal,
          r.added,
          r.updated,
          r.unchanged,
          r.deleted,
          r.quarantined,
          r.ignored,
          r.summary,
          new Date(r.startedAt).toISOString(),
        ]);
      csv = toCsv(
        [
          'file',
          'kind',
          'mode',
          'status',
          'rows',
          'added',
          'updated',
          'unchanged',
          'deleted',
          'quarantined',
          'ignored',
          'summary',
          'started_at',
        ],
        rows,
      );
      rowCount = rows.length;
    } else {
      const rows = await ctx.store.db
        .selectFrom('quarantine')
        .select(['source_file', 'line_number', 'reason', 'raw'])
        .where(
          'import_id',
          'in',
          imports.map((i) => i.id),
        )
        .orderBy('source_file')
        .orderBy('line_number')
        .execute();
      csv = toCsv(
        ['file', 'line', 'reason', 'row'],
        rows.map((r) => [r.source_file, r.line_number ?? '', r.reason, r.raw ?? '']),
      );
      rowCount = rows.length;
    }
    // Quarantined rows are student records: exporting them is a disclosure, so it is logged.
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: input.what === 'quarantine' ? 'export.import_quarantine' : 'export.import_report',
      entityType: input.jobId ? 'job' : 'import',
      entityId: input.jobId ?? input.importId ?? null,
      detail: { rows: rowCount },
    });
    return { fileName: `sightline-import-${input.what}-${stamp}.csv`, csv };
  },

  async 'imports.settings'(input, ctx) {
    if (input.dateOrder !== undefined) {
      // One district-wide setting: every school's exports are read with it.
      requireRole(ctx, ['district_admin'], 'change import settings');
      await ctx.store.db
        .insertInto('settings')
        .values({
          key: 'import.dateOrder',
          value_json: JSON.stringify(input.dateOrder),
          updated_at: Date.now(),
        })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            value_json: JSON.stringify(input.dateOrder),
            updated_at: Date.now(),
          }),
        )
        .execute();
      ctx.events.emit('settings.changed', { keys: ['import.dateOrder'] });
    } else {
      requireRole(ctx, IMPORTERS, 'see import settings');
    }
    return { dateOrder: loadDateOrder(ctx.store.sqlite) };
  },
};
