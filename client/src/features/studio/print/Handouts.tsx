/** The situation manual and per-delegation handouts (print) (placeholder until it lands). Reads the working copy from ../draft.ts. */
export function Handouts() {
  return <section data-testid="studio.handouts" />;
}
