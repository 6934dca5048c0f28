/**
 * `<Trans>` components for data inside a sentence: file names, and words a file must contain.
 * They show as they are, marked translate="no" so page translators leave them alone.
 */
export const AS_IS = {
  file: <span translate="no" />,
  files: <span translate="no" />,
  data: <span translate="no" />,
};
