/** The YAML code editor (CodeMirror 6) with inline validation and completion (placeholder until it lands). Reads the working copy from ../draft.ts. */
export function ScenarioEditor() {
  return <section data-testid="studio.scenarioEditor" />;
}
