import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../api/types';
import { rosterCountText, sectionShortTitle } from '../../domain/sections';
import { formatDate } from '../../format/format';
import { Value } from '../common/Value';

/** What the section is (its full name is the page heading), who teaches it, and the data date. */
export function SectionFacts({ view }: { view: SectionView }) {
  const { t } = useTranslation('sections');
  const { section } = view;
  return (
    <dl className="facts">
      <div>
        <dt>{t('facts.course')}</dt>
        <dd translate="no">{section.courseTitle}</dd>
      </div>
      <div>
        <dt>{t('facts.section')}</dt>
        <dd translate="no">{sectionShortTitle(section)}</dd>
      </div>
      <div>
        <dt>{t('facts.period')}</dt>
        <dd translate={section.period ? 'no' : undefined}>
          <Value text={section.period} />
        </dd>
      </div>
      <div>
        <dt>{t('facts.term')}</dt>
        <dd translate="no">{section.termTitle}</dd>
      </div>
      <div>
        <dt>{t('facts.school')}</dt>
        <dd translate="no">{section.schoolName}</dd>
      </div>
      <div>
        <dt>{t('facts.teachers', { count: section.teachers.length })}</dt>
        {section.teachers.length > 0 ? (
          <dd translate="no">{section.teachers.join(', ')}</dd>
        ) : (
          <dd>{t('facts.noTeachers')}</dd>
        )}
      </div>
      <div>
        <dt>{t('facts.students')}</dt>
        <dd>{rosterCountText(view.enrolled, view.rows.length)}</dd>
      </div>
      <div>
        <dt>{t('facts.dataAsOf')}</dt>
        <dd>
          <Value text={formatDate(view.dataAsOf)} />
        </dd>
      </div>
    </dl>
  );
}
