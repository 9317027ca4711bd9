import { STAKEHOLDER_COLOURS, type SpeakingTime } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage, intlLocale } from '../../../i18n';
import { formatClock } from '../../../ui/duration';
import './room.css';

const percent = (share: number, lng: string) => new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** Speaking time by stakeholder group: a bar each with its share, the cap marked, and the alarm above it. */
export function SpeakingTimeBars({ time, compact = false }: { time: SpeakingTime; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const alarmed = new Set(time.alarms.map((a) => a.stakeholderGroup));
  return (
    <ul className="room-bars" data-compact={compact || undefined} data-testid="speaking-time">
      {time.byStakeholderGroup.map((g) => {
        const alarm = alarmed.has(g.stakeholderGroup);
        const label = t(`groups.${g.stakeholderGroup}`);
        const words = t('roomScreen.share', { share: percent(g.share, lng), time: formatClock(g.seconds), count: g.turns });
        return (
          <li key={g.stakeholderGroup} data-group={g.stakeholderGroup} data-alarm={alarm || undefined}>
            <span className="room-bar-head">
              <span className="room-bar-name">{label}</span>
              <span className="room-bar-words">{words}</span>
            </span>
            <span className="room-bar" role="img" aria-label={`${label}: ${words}`}>
              <span className="room-bar-fill" style={{ width: `${Math.round(g.share * 1000) / 10}%`, background: STAKEHOLDER_COLOURS[g.stakeholderGroup] }} />
              <span className="room-bar-cap" style={{ insetInlineStart: `${time.cap * 100}%` }} aria-hidden="true" />
            </span>
            {alarm ? (
              <span className="room-alarm" data-testid="speaking-alarm">
                {t('roomScreen.alarm', { group: label, cap: percent(time.cap, lng) })}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
