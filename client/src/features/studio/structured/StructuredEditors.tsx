/** The structured editors: MSEL table, delegations and briefings, actions, rules (placeholder until it lands). Reads the working copy from ../draft.ts. */
export function StructuredEditors() {
  return <section data-testid="studio.structuredEditors" />;
}
