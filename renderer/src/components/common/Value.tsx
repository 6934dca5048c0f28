/** A formatted value, or a dash that screen readers read as "no data". */
export function Value({ text }: { text: string | null | undefined }) {
  if (text != null && text !== '') return <>{text}</>;
  return (
    <span className="no-data">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">no data</span>
    </span>
  );
}
