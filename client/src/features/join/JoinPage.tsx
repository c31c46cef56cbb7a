import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { type JoinInfo, lookUpCode } from '../../net/api.ts';
import { PageFrame } from '../../ui/PageFrame.tsx';
import { CodeForm, useCodeProblem } from './CodeForm.tsx';
import { parseCode } from './code.ts';
import { NameForm } from './NameForm.tsx';

type Step =
  | { readonly kind: 'code'; readonly error: string | null; readonly busy: boolean }
  | { readonly kind: 'name'; readonly code: string; readonly info: JoinInfo };

/** `/join/:code`: check the code with the server, then ask for a name, then open the role's console. */
export function JoinPage({ initialCode }: { readonly initialCode: string }) {
  const { t } = useTranslation();
  const describe = useCodeProblem();
  const [step, setStep] = useState<Step>({ kind: 'code', error: null, busy: initialCode !== '' });

  const check = useCallback(
    async (code: string) => {
      setStep({ kind: 'code', error: null, busy: true });
      const found = await lookUpCode(code);
      if (found.ok) setStep({ kind: 'name', code, info: found.value });
      else setStep({ kind: 'code', error: found.message ?? t('join.error.network'), busy: false });
    },
    [t],
  );

  // Only when the link's code changes (check and describe change with the language, which must not re-check).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!initialCode) return;
    const parsed = parseCode(initialCode);
    if (parsed.ok) void check(parsed.code);
    else setStep({ kind: 'code', error: describe(parsed.problem), busy: false });
  }, [initialCode]);

  return (
    <PageFrame>
      <h1 className="page__title">{t('home.joinTitle')}</h1>
      {step.kind === 'code' ? (
        <section className="card">
          <CodeForm
            initial={initialCode}
            serverError={step.error}
            busy={step.busy}
            onCode={(code) => {
              navigate({ name: 'join', code }, true);
              void check(code);
            }}
          />
        </section>
      ) : (
        <NameForm
          info={step.info}
          code={step.code}
          onOtherCode={() => {
            navigate({ name: 'join', code: '' }, true);
            setStep({ kind: 'code', error: null, busy: false });
          }}
        />
      )}
    </PageFrame>
  );
}
