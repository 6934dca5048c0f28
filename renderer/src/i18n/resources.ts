/**
 * Every UI string, one JSON file per capability and language; `messages` is the core's catalogue
 * (main/api/messages/), for the words it sends as data (renderer/src/i18n/messages.tsx). English is the source of truth for
 * keys (its shape types `t()` calls; see i18next.d.ts); a unit test holds Spanish to the same keys.
 */
import enCaseload from './locales/en/caseload.json';
import enCommon from './locales/en/common.json';
import enDomain from './locales/en/domain.json';
import enImports from './locales/en/imports.json';
import enMessages from '../../../main/api/messages/en.json';
import enInterventions from './locales/en/interventions.json';
import enLayout from './locales/en/layout.json';
import enModels from './locales/en/models.json';
import enOverview from './locales/en/overview.json';
import enPipeline from './locales/en/pipeline.json';
import enProfile from './locales/en/profile.json';
import enSections from './locales/en/sections.json';
import enSignin from './locales/en/signin.json';
import enStudents from './locales/en/students.json';
import esCaseload from './locales/es/caseload.json';
import esCommon from './locales/es/common.json';
import esDomain from './locales/es/domain.json';
import esImports from './locales/es/imports.json';
import esMessages from '../../../main/api/messages/es.json';
import esInterventions from './locales/es/interventions.json';
import esLayout from './locales/es/layout.json';
import esModels from './locales/es/models.json';
import esOverview from './locales/es/overview.json';
import esPipeline from './locales/es/pipeline.json';
import esProfile from './locales/es/profile.json';
import esSections from './locales/es/sections.json';
import esSignin from './locales/es/signin.json';
import esStudents from './locales/es/students.json';

export const en = {
  caseload: enCaseload,
  common: enCommon,
  domain: enDomain,
  imports: enImports,
  interventions: enInterventions,
  layout: enLayout,
  messages: enMessages,
  models: enModels,
  overview: enOverview,
  pipeline: enPipeline,
  profile: enProfile,
  sections: enSections,
  signin: enSignin,
  students: enStudents,
};

export type Namespace = keyof typeof en;

export const resources = {
  en,
  es: {
    caseload: esCaseload,
    common: esCommon,
    domain: esDomain,
    imports: esImports,
    interventions: esInterventions,
    layout: esLayout,
    messages: esMessages,
    models: esModels,
    overview: esOverview,
    pipeline: esPipeline,
    profile: esProfile,
    sections: esSections,
    signin: esSignin,
    students: esStudents,
  } satisfies Record<Namespace, unknown>,
};
