import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrImage } from '../run/QrImage.tsx';
import { type JoinLink, observerJoinLink } from './joinLink.ts';
import type { ProjectorAccess } from './projectorAccess.ts';

/** The join QR for the room: the observer link, with the code written out for those who type it. */
export function JoinQr({ exerciseId, access }: { readonly exerciseId: string; readonly access: ProjectorAccess }) {
  const { t } = useTranslation();
  const [join, setJoin] = useState<JoinLink | null>(null);
  useEffect(() => {
    let live = true;
    void observerJoinLink(exerciseId, access, location.origin).then((j) => {
      if (live) setJoin(j);
    });
    return () => {
      live = false;
    };
  }, [exerciseId, access]);
  if (!join) return null;
  const address = join.link.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '');
  return (
    <section className="join-qr" aria-labelledby="join-qr-title" data-testid="projector.qr" data-link={join.link}>
      <QrImage text={join.link} label={t('projector.qrLabel')} />
      <div className="join-qr__text">
        <h2 id="join-qr-title" className="join-qr__title">
          {t('projector.follow')}
        </h2>
        <p className="join-qr__how">{t('projector.followHow', { address })}</p>
        <p className="join-qr__code" dir="ltr" data-testid="projector.code">
          {join.code}
        </p>
      </div>
    </section>
  );
}
