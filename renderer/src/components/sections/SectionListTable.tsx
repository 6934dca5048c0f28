import { useTranslation } from 'react-i18next';
import type { SectionSummary } from '../../api/types';
import { sectionShortTitle } from '../../domain/sections';
import { formatCount } from '../../format/format';
import { hrefFor } from '../../stores/routes';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';

/**
 * The sections as a table, each linking to its page. Only the section part of the name shows
 * beside the Course column, but the link's name is read out whole, with its term ("World
 * Cultures 6 · Sec 03 (Spring 2026)"): a course taught in two periods or two terms would otherwise
 * give a screen reader's list of links several links with the same name.
 */
export function SectionListTable({
  sections,
  caption,
}: {
  sections: SectionSummary[];
  caption: string;
}) {
  const { t } = useTranslation('sections');
  const schools = new Set(sections.map((s) => s.schoolName));
  const showSchool = schools.size > 1;
  return (
    <DataTable
      caption={caption}
      head={
        <tr>
          <th scope="col">{t('list.columns.course')}</th>
          <th scope="col">{t('list.columns.section')}</th>
          <th scope="col">{t('list.columns.period')}</th>
          <th scope="col">{t('list.columns.term')}</th>
          {showSchool && <th scope="col">{t('list.columns.school')}</th>}
          <th scope="col">{t('list.columns.teachers')}</th>
          <th scope="col" className="num">
            {t('list.columns.students')}
          </th>
          <th scope="col" className="num">
            {t('list.columns.flagged')}
          </th>
          <th scope="col" className="num">
            {t('list.columns.highRisk')}
          </th>
        </tr>
      }
    >
      {sections.map((s) => (
        <SectionListRow key={s.id} section={s} showSchool={showSchool} />
      ))}
    </DataTable>
  );
}

function SectionListRow({ section, showSchool }: { section: SectionSummary; showSchool: boolean }) {
  const { t } = useTranslation('sections');
  const short = sectionShortTitle(section);
  const hiddenCourse = short === section.title ? '' : section.title.slice(0, -short.length);
  return (
    <tr>
      <th scope="row" translate="no">
        {section.courseTitle}
      </th>
      <td translate="no">
        <a className="section-link" href={hrefFor({ name: 'section', sectionId: section.id })}>
          {hiddenCourse && <span className="visually-hidden">{hiddenCourse}</span>}
          {short}
          <span className="visually-hidden"> ({section.termTitle})</span>
        </a>
      </td>
      <td translate={section.period ? 'no' : undefined}>
        <Value text={section.period} />
      </td>
      <td translate="no">{section.termTitle}</td>
      {showSchool && <td translate="no">{section.schoolName}</td>}
      {section.teachers.length > 0 ? (
        <td translate="no">{section.teachers.join(', ')}</td>
      ) : (
        <td>{t('list.noTeachers')}</td>
      )}
      <td className="num">{formatCount(section.students)}</td>
      <td className="num">{formatCount(section.flagged)}</td>
      <td className="num">{formatCount(section.highRisk)}</td>
    </tr>
  );
}
