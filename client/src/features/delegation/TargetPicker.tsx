import type { CatalogueEntry, DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { usePartyName } from '../shell/useText.ts';
import { type ActionDraft, eligibleTargets, toggleTarget } from './actionDraft.ts';

/** Who the action is aimed at: one party (radio buttons) or several (check boxes), of the kinds it allows. */
export function TargetPicker({
  view,
  action,
  draft,
  onChange,
  name,
}: {
  readonly view: DelegationView;
  readonly action: CatalogueEntry;
  readonly draft: ActionDraft;
  readonly onChange: (draft: ActionDraft) => void;
  readonly name: string;
}) {
  const { t } = useTranslation();
  const party = usePartyName();
  const { min, max } = action.targets;
  if (max === 0) return null;
  const single = min === 1 && max === 1;
  const options = eligibleTargets(action, view.parties, view.delegation);
  const hint =
    min === max
      ? t('actions.form.targetsExactly', { count: min })
      : min === 0
        ? t('actions.form.targetsUpTo', { count: max })
        : t('actions.form.targetsRange', { min, max });

  return (
    <fieldset className="action-form__group" data-testid="action.targets">
      <legend className="form__label">
        {t('actions.form.targets')} <span className="form__hint-inline">{hint}</span>
      </legend>
      <div className="options">
        {options.map((p) => {
          const checked = draft.targets.includes(p.id);
          const full = !single && !checked && draft.targets.length >= max;
          return (
            <label key={p.id} className={checked ? 'pick pick--on' : 'pick'}>
              <input
                type={single ? 'radio' : 'checkbox'}
                name={name}
                checked={checked}
                disabled={full}
                onChange={() => onChange(toggleTarget(draft, p.id, max))}
                data-testid={`action.target.${p.id}`}
              />
              <span dir="auto">{party(p.id)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
