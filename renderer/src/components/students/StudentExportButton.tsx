import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import { formatCount } from '../../format/format';
import { toApiError } from '../../stores/request';
import { downloadStudentCsv, type StudentListArgs } from '../../stores/studentListStore';

type ExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string }
  | { status: 'error'; error: ApiError };

/**
 * "Export CSV": every student of the list as it is filtered and sorted now (not only the rows in
 * view). The core keeps to the person's scope and records the export in the access log. While
 * it works the button is `aria-disabled` (not `disabled`, which would drop keyboard focus).
 */
export function StudentExportButton({ args, total }: { args: StudentListArgs; total: number }) {
  const { t } = useTranslation('students');
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const working = state.status === 'working';

  const start = async () => {
    if (working) return;
    setState({ status: 'working' });
    try {
      setState({ status: 'done', fileName: await downloadStudentCsv(args) });
    } catch (err) {
      setState({ status: 'error', error: toApiError(err) });
    }
  };

  return (
    <div className="student-export">
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={working || undefined}
        aria-busy={working || undefined}
        aria-describedby="student-export-hint"
        onClick={() => void start()}
      >
        {working ? (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            {t('export.busy')}
          </>
        ) : (
          t('export.button')
        )}
      </button>
      <p id="student-export-hint" className="field-hint">
        {t('export.hint')}
      </p>
      <p className="field-hint" role="status">
        {working ? (
          t('export.preparing', { count: total, total: formatCount(total) })
        ) : state.status === 'done' ? (
          <Trans
            t={t}
            i18nKey="export.done"
            values={{ fileName: state.fileName }}
            components={{ file: <span translate="no" /> }}
          />
        ) : (
          ''
        )}
      </p>
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          {t('export.failed', { message: state.error.message })}
        </p>
      )}
    </div>
  );
}
