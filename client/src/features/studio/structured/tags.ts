/** Choices shared by the forms: UN norms and OSCE CBMs (their official wording is English), action references. */
import { BUILTIN_ACTIONS, OSCE_CBMS, UN_NORMS } from '@parley/shared/scenario/vocabulary.ts';
import type { TFunction } from 'i18next';

export const normOptions = (t: TFunction) =>
  Object.entries(UN_NORMS).map(([id, detail]) => ({ value: id, label: t('studio.structured.norm', { id }), detail }));

export const cbmOptions = (t: TFunction) =>
  Object.entries(OSCE_CBMS).map(([id, detail]) => ({ value: id, label: t('studio.structured.cbm', { id }), detail }));

/** Built-in actions by the names the situation manual gives them (studio.print.builtin), with their id. */
export const builtinOptions = (t: TFunction) =>
  BUILTIN_ACTIONS.map((id) => {
    const name = t(`studio.print.builtin.${id.replace('.', '_')}`, { defaultValue: id });
    return { value: id, label: name === id ? id : `${name} (${id})` };
  });
