import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { PlacesLine } from '../PlacesLine';
import { countdown, countdownTarget, placesOfOpenDay, registrationState } from '../registration';
import { RegistrationTag } from '../RegistrationTag';
import type { PublicOpenDay } from '../views';

/** The registration window, a live countdown to its opening or closing, places, how people are chosen, and Apply. */
export function RegistrationPanel({ openDay }: { openDay: PublicOpenDay }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const state = registrationState(openDay, now);
  const target = countdownTarget(openDay, now);
  return (
    <section className="section" aria-labelledby="registration-heading">
      <h2 id="registration-heading">{t('detail.registration')}</h2>
      <div className="tags">
        <RegistrationTag state={state} />
      </div>
      {openDay.registrationOpensAt && openDay.registrationClosesAt ? (
        <p>
          {t('detail.window', {
            opens: formatDateTime(openDay.registrationOpensAt, i18n.language),
            closes: formatDateTime(openDay.registrationClosesAt, i18n.language),
          })}
        </p>
      ) : (
        <p>{t('detail.noWindow')}</p>
      )}
      {target && (
        <p className="countdown">
          {t(target.kind === 'opens' ? 'detail.opensIn' : 'detail.closesIn')}{' '}
          <strong className="countdown-value">{t('detail.countdown', { ...countdown(target.at, now) })}</strong>
        </p>
      )}
      <p>
        <PlacesLine places={placesOfOpenDay(openDay)} />
      </p>
      {openDay.selectionMode && (
        <p>
          <strong>
            {t('detail.selection')}
            {t('common.colon')}
          </strong>
          {t('detail.selectionLine', {
            mode: t(`common.selectionModes.${openDay.selectionMode}`),
            sentence: t(`detail.selectionSentence.${openDay.selectionMode}`),
          })}
        </p>
      )}
      {state === 'open' ? (
        <Link className="button-link button-block" to={`/open-days/${openDay.id}/apply`}>
          {t('detail.apply')}
        </Link>
      ) : (
        state !== 'cancelled' && (
          <Button block disabled>
            {t('detail.applyClosed')}
          </Button>
        )
      )}
    </section>
  );
}
