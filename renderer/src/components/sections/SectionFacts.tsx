import type { SectionView } from '../../api/types';
import { rosterCountText, sectionShortTitle } from '../../domain/sections';
import { formatDate } from '../../format/format';
import { Value } from '../common/Value';

/** What the section is (its full name is the page heading), who teaches it, and the data date. */
export function SectionFacts({ view }: { view: SectionView }) {
  const { section } = view;
  return (
    <dl className="facts">
      <div>
        <dt>Course</dt>
        <dd>{section.courseTitle}</dd>
      </div>
      <div>
        <dt>Section</dt>
        <dd>{sectionShortTitle(section)}</dd>
      </div>
      <div>
        <dt>Period</dt>
        <dd>
          <Value text={section.period} />
        </dd>
      </div>
      <div>
        <dt>Term</dt>
        <dd>{section.termTitle}</dd>
      </div>
      <div>
        <dt>School</dt>
        <dd>{section.schoolName}</dd>
      </div>
      <div>
        <dt>{section.teachers.length === 1 ? 'Teacher' : 'Teachers'}</dt>
        <dd>{section.teachers.length > 0 ? section.teachers.join(', ') : 'None listed'}</dd>
      </div>
      <div>
        <dt>Students</dt>
        <dd>{rosterCountText(view.enrolled, view.rows.length)}</dd>
      </div>
      <div>
        <dt>Data as of</dt>
        <dd>
          <Value text={formatDate(view.dataAsOf)} />
        </dd>
      </div>
    </dl>
  );
}
