/**
 * The app's routes and their hash URLs: `#/` (overview), `#/students?…` (list with its filters
 * and sort), `#/students/<id>` (profile), `#/imports` (import wizard), `#/pipeline`
 * (feature pipeline), `#/models` and `#/models/<id>` (risk model versions), `#/sections` and
 * `#/sections/<id>` (a teacher's sections and one section's roster), `#/caseload` (a counselor's
 * caseload). Pure functions, no DOM.
 */
import type { FlagKey, RiskTier, SortDirection, StudentSortKey } from '../api/types';
import { isFlagKey, isSortKey } from '../domain/labels';
import { isRiskTier } from '../domain/riskLabels';

export interface StudentQuery {
  search: string;
  grade: number | null;
  flag: FlagKey | null;
  /** Only students in this risk tier (the active model's latest score). */
  tier: RiskTier | null;
  sort: StudentSortKey;
  dir: SortDirection;
}

export const DEFAULT_STUDENT_QUERY: StudentQuery = {
  search: '',
  grade: null,
  flag: null,
  tier: null,
  sort: 'flag_count',
  dir: 'desc',
};

export type Route =
  | { name: 'overview' }
  | { name: 'students'; query: StudentQuery }
  | { name: 'student'; studentId: string }
  | { name: 'imports' }
  | { name: 'pipeline' }
  /** The model versions; `modelId` is the one shown in detail (null: the active one). */
  | { name: 'models'; modelId: string | null }
  | { name: 'sections' }
  | { name: 'section'; sectionId: string }
  /** A counselor's caseload. */
  | { name: 'caseload' }
  | { name: 'notFound'; path: string };

function parseStudentQuery(params: URLSearchParams): StudentQuery {
  const grade = params.get('grade');
  const gradeNumber = grade === null || grade === '' ? NaN : Number(grade);
  const flag = params.get('flag');
  const tier = params.get('tier');
  const sort = params.get('sort');
  const dir = params.get('dir');
  // The list scrolls now; an old address's `page=` is read past and dropped.
  return {
    search: params.get('q')?.trim() ?? '',
    grade: Number.isInteger(gradeNumber) ? gradeNumber : null,
    flag: isFlagKey(flag) ? flag : null,
    tier: isRiskTier(tier) ? tier : null,
    sort: isSortKey(sort) ? sort : DEFAULT_STUDENT_QUERY.sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_STUDENT_QUERY.dir,
  };
}

/** The route for a location hash, or null for a hash that is not a route (e.g. `#main`). */
export function parseHash(hash: string): Route | null {
  const raw = hash.replace(/^#/, '');
  if (raw !== '' && !raw.startsWith('/')) return null;
  const [pathPart = '', search = ''] = raw.split('?', 2);
  const path = pathPart.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(search);
  if (path === '/' || path === '/overview') return { name: 'overview' };
  if (path === '/students') return { name: 'students', query: parseStudentQuery(params) };
  if (path === '/imports') return { name: 'imports' };
  if (path === '/pipeline') return { name: 'pipeline' };
  if (path === '/models') return { name: 'models', modelId: null };
  if (path === '/sections') return { name: 'sections' };
  if (path === '/caseload') return { name: 'caseload' };
  const student = /^\/students\/([^/]+)$/.exec(path);
  if (student?.[1]) return { name: 'student', studentId: decodeURIComponent(student[1]) };
  const model = /^\/models\/([^/]+)$/.exec(path);
  if (model?.[1]) return { name: 'models', modelId: decodeURIComponent(model[1]) };
  const section = /^\/sections\/([^/]+)$/.exec(path);
  if (section?.[1]) return { name: 'section', sectionId: decodeURIComponent(section[1]) };
  return { name: 'notFound', path };
}

function studentQueryString(query: StudentQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.grade !== null) params.set('grade', String(query.grade));
  if (query.flag) params.set('flag', query.flag);
  if (query.tier) params.set('tier', query.tier);
  if (query.sort !== DEFAULT_STUDENT_QUERY.sort || query.dir !== DEFAULT_STUDENT_QUERY.dir) {
    params.set('sort', query.sort);
    params.set('dir', query.dir);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'overview':
      return '#/';
    case 'students':
      return `#/students${studentQueryString(route.query)}`;
    case 'student':
      return `#/students/${encodeURIComponent(route.studentId)}`;
    case 'imports':
      return '#/imports';
    case 'pipeline':
      return '#/pipeline';
    case 'models':
      return route.modelId ? `#/models/${encodeURIComponent(route.modelId)}` : '#/models';
    case 'sections':
      return '#/sections';
    case 'section':
      return `#/sections/${encodeURIComponent(route.sectionId)}`;
    case 'caseload':
      return '#/caseload';
    case 'notFound':
      return `#${route.path}`;
  }
}
