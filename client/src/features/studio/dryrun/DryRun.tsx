/** The dry run: bots play the draft at high speed; timeline, ledger, ending; compare policies (placeholder until it lands). Reads the working copy from ../draft.ts. */
export function DryRun() {
  return <section data-testid="studio.dryRun" />;
}
