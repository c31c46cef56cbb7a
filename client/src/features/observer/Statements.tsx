import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import type { PictureText, Statement } from './picture.ts';

type Props = { readonly items: readonly Statement[]; readonly pt: PictureText; readonly large?: boolean };

/** Public statements and actions, and control's rulings: who, when, what. */
export function Statements({ items, pt, large = false }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <ol className={large ? 'pub-statements pub-statements--large' : 'pub-statements'} data-testid="picture.statements">
      {items.map((s) => {
        let who: string;
        let what: string;
        if (s.kind === 'message') {
          who = s.message.from ? pt.party(s.message.from) : t('projector.control');
          what = s.message.text;
        } else if (s.kind === 'action') {
          who = s.action.by ? pt.party(s.action.by) : t('projector.unattributed');
          const targets = s.action.targets.map(pt.party).join(', ');
          what = targets
            ? t('projector.actionTowards', { action: pt.text(s.action.label), targets })
            : pt.text(s.action.label);
        } else {
          who = t('projector.ruling');
          what = s.ruling.text;
        }
        return (
          <li key={s.key} className={`pub-statement pub-statement--${s.kind}`} data-testid="picture.statement">
            <p className="pub-statement__head">
              <span className="pub-statement__who">{who}</span>
              <time className="pub-statement__time" dir="ltr">
                {formatGameTime(s.at, i18n.language)}
              </time>
            </p>
            <p className="pub-statement__text" dir="auto">
              {what}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
