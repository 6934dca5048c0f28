/** OneRoster 1.2 CSV bundles (folder or zip): see README.md for how they map onto Sightline. */
export { importOneRosterBundle, type BundleImportOptions } from './bundle';
export { isOneRosterBundle } from './detect';
export type { BundleFileReport, BundleProblem, BundleProblemCode, BundleReport } from './report';
