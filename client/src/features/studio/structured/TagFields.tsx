/** The UN norms and OSCE CBMs an action or a rule exercises: two checklists, written back as `norms` and `cbms`. */
import type { FieldEdit } from '@parley/shared/studio/yamlEdit.ts';
import { useTranslation } from 'react-i18next';
import { Checklist } from './fields.tsx';
import { cbmOptions, normOptions } from './tags.ts';

export function TagFields({
  norms,
  cbms,
  set,
  testid,
}: {
  readonly norms: readonly string[];
  readonly cbms: readonly number[];
  /** Writes the edits; answers the problems that refused them (none when written). */
  readonly set: (edits: FieldEdit[]) => readonly string[];
  readonly testid: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Checklist
        label={t('studio.structured.norms')}
        columns
        value={norms}
        options={normOptions(t)}
        onCommit={(next) => set([{ path: ['norms'], value: next.length === 0 ? undefined : next }])}
        testid={`${testid}.norms`}
      />
      <Checklist
        label={t('studio.structured.cbms')}
        columns
        value={cbms.map(String)}
        options={cbmOptions(t)}
        onCommit={(next) => set([{ path: ['cbms'], value: next.length === 0 ? undefined : next.map(Number) }])}
        testid={`${testid}.cbms`}
      />
    </>
  );
}
