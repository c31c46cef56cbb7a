/** The phase statechart diagram with injects on it (placeholder until it lands). Reads the working copy from ../draft.ts. */
export function PhaseDiagram() {
  return <section data-testid="studio.phaseDiagram" />;
}
