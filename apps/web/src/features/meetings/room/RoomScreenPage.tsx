import type { AgendaItemView, BracketView, ClauseResponse, MeetingView } from '@parley/contracts';
import { STAKEHOLDER_COLOURS } from '@parley/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isProblem } from '../../../api/client';
import { currentLanguage, intlLocale } from '../../../i18n';
import type { LiveStatus } from '../../../realtime/live-connection';
import { formatClock } from '../../../ui/duration';
import { StakeholderGroupBadge } from '../../../ui/StakeholderGroupBadge';
import { useNow } from '../../../ui/useNow';
import { TallyBars } from '../../ballots/TallyBars';
import { useBallot } from '../../ballots/useBallot';
import { useDocument } from '../../documents/useDocuments';
import { clauseStatusBadges } from '../../negotiation/ClauseStatusBadges';
import { BracketsProvider, useClauseBrackets } from '../../negotiation/BracketsContext';
import { useMeeting, useMeetingLive } from '../useMeetings';
import { currentItem, liveSpeakingTime, QUEUE_SHOWN, speakerClock } from './room-model';
import { SpeakingTimeBars } from './SpeakingTimeBars';
import './room.css';

/** How many paragraphs of the text are shown when the item names none. */
const FIRST_CLAUSES = 4;

/** How often the session is read again while the live connection is down. */
const POLL_MS = 5000;

/** The wall clock, in the meeting's own time zone. */
function Clock({ timeZone, nowMs }: { timeZone: string; nowMs: number }) {
  const { i18n } = useTranslation();
  let text: string;
  try {
    text = new Intl.DateTimeFormat(intlLocale(currentLanguage(i18n)), { hour: '2-digit', minute: '2-digit', timeZone }).format(nowMs);
  } catch {
    text = new Intl.DateTimeFormat(intlLocale(currentLanguage(i18n)), { hour: '2-digit', minute: '2-digit' }).format(nowMs);
  }
  return (
    <time className="room-clock" dateTime={new Date(nowMs).toISOString()} data-testid="room-clock">
      {text}
    </time>
  );
}

/** A clause's text with its open brackets written in square brackets in place: `[passage][option]`, read-only. */
function PlainClauseText({ clause }: { clause: Pick<ClauseResponse, 'id' | 'text'> }) {
  const brackets = useClauseBrackets(clause.id);
  const parts: React.ReactNode[] = [];
  let at = 0;
  const group = (b: BracketView) => (
    <span key={b.id} className="room-bracket" data-testid="room-bracket">
      [{b.passage}]
      {b.options
        .filter((o) => o.mergedInto === null)
        .map((o) => (
          <span key={o.id}>[{o.text}]</span>
        ))}
    </span>
  );
  for (const b of brackets) {
    if (b.start === null || b.end === null || b.start < at) continue;
    if (b.start > at) parts.push(clause.text.slice(at, b.start));
    parts.push(group(b));
    at = b.end;
  }
  parts.push(clause.text.slice(at));
  return <>{parts}</>;
}

/** The text under discussion: the clauses the item names, or the first ones, with their status. */
function TextUnderDiscussion({ item }: { item: AgendaItemView }) {
  const { t, i18n } = useTranslation();
  const doc = item.document;
  const query = useDocument(doc?.id, doc?.version ?? undefined);
  if (!doc || !query.data) return null;
  const version = query.data.version;
  const named = item.clauseIds.length ? version.clauses.filter((c) => item.clauseIds.includes(c.id)) : [];
  const clauses = named.length ? named : version.clauses.slice(0, FIRST_CLAUSES);
  const rest = version.clauses.length - clauses.length;
  return (
    <section className="room-panel room-text" aria-labelledby="room-text-title" data-testid="room-text">
      <h3 id="room-text-title" className="room-label">
        {t('roomScreen.text', { title: doc.title, version: version.number })}
      </h3>
      <BracketsProvider documentId={doc.id} version={version.number}>
        <ol className="room-clauses">
          {clauses.map((c) => (
            <li key={c.id} data-kind={c.kind} data-testid="room-clause">
              {c.label ? <span className="room-clause-label">{c.label}</span> : null}
              <span className="room-clause-text" dir="auto">
                <PlainClauseText clause={c} />
              </span>
              <span className="room-clause-status">{clauseStatusBadges(t, currentLanguage(i18n), c.kind, c.negotiation)}</span>
            </li>
          ))}
        </ol>
      </BracketsProvider>
      {rest > 0 ? <p className="room-muted">{t('roomScreen.moreClauses', { count: rest })}</p> : null}
    </section>
  );
}

/** The running tally of the ballot on the item, as its page shows it publicly (nothing more for a secret ballot). */
function BallotTally({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation();
  const ballot = useBallot(ballotId);
  const b = ballot.data;
  if (!b || b.status !== 'open') return null;
  return (
    <section className="room-panel room-tally" aria-labelledby="room-tally-title" data-testid="room-tally">
      <h3 id="room-tally-title" className="room-label">
        {t('roomScreen.tally')}
      </h3>
      <p className="room-tally-count">{t('roomScreen.votesCast', { count: b.votesCast, size: b.electorateSize })}</p>
      {b.runningTally ? (
        <div className="room-tally-bars">
          <TallyBars
            rows={b.runningTally.byStakeholderGroup}
            caption={t(b.runningTally.countingUnit === 'organisation' ? 'ballots.tally.captionOrganisations' : 'ballots.tally.captionPeople')}
          />
        </div>
      ) : (
        <p className="room-muted" data-testid="room-tally-hidden">
          {t(b.visibility === 'secret' ? 'roomScreen.tallySecret' : 'roomScreen.tallyHidden')}
        </p>
      )}
    </section>
  );
}

/** Who holds the floor, with their affiliation and a big clock: time left against the limit, then time over. */
function CurrentSpeaker({ meeting, nowMs }: { meeting: MeetingView; nowMs: number }) {
  const { t } = useTranslation();
  const s = meeting.floor.speaking;
  const clock = speakerClock(meeting, nowMs);
  return (
    <section className="room-panel room-speaker" aria-labelledby="room-speaker-title" data-testid="room-speaker">
      <h2 id="room-speaker-title" className="room-label">
        {t('roomScreen.speaker')}
      </h2>
      {s ? (
        <>
          {s.kind === 'point-of-order' ? <p className="room-poo">{t('roomScreen.pointOfOrder')}</p> : null}
          <p className="room-speaker-name" data-testid="room-speaker-name">
            {s.person.name ?? t('roomScreen.unknown')}
          </p>
          {s.person.snapshot ? (
            <div className="room-speaker-org">
              <span>{s.person.snapshot.organisationName}</span>
              <StakeholderGroupBadge group={s.person.snapshot.stakeholderGroup} size="xl" />
            </div>
          ) : null}
          <p className="room-timer" data-over={clock.over > 0 || undefined} data-testid="room-timer">
            <span className="room-timer-digits">{clock.over > 0 ? `+${formatClock(clock.over)}` : formatClock(clock.remaining ?? clock.elapsed)}</span>
            <span className="room-timer-caption">
              {clock.over > 0
                ? t('roomScreen.overTime')
                : clock.remaining !== null
                  ? t('roomScreen.timeLeft', { limit: formatClock(clock.limit ?? 0) })
                  : t('roomScreen.elapsed')}
            </span>
          </p>
        </>
      ) : (
        <p className="room-speaker-none">{t('roomScreen.noSpeaker')}</p>
      )}
    </section>
  );
}

/** The next speakers in the order the floor will be given; points of order marked. */
function Queue({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const queue = meeting.floor.queue;
  const shown = queue.slice(0, QUEUE_SHOWN);
  return (
    <section className="room-panel room-queue" aria-labelledby="room-queue-title">
      <h2 id="room-queue-title" className="room-label">
        {t('roomScreen.queue')}
      </h2>
      {shown.length === 0 ? (
        <p className="room-muted">{t('roomScreen.queueEmpty')}</p>
      ) : (
        <ol className="room-queue-list" data-testid="room-queue">
          {shown.map((r) => (
            <li key={r.id} data-kind={r.kind}>
              {r.kind === 'point-of-order' ? <span className="room-poo-tag">{t('roomScreen.pointOfOrderShort')}</span> : null}
              <span className="room-queue-name">{r.person.name ?? t('roomScreen.unknown')}</span>
              {r.person.snapshot ? (
                <>
                  <span className="room-queue-group">
                    <span className="room-swatch" style={{ background: STAKEHOLDER_COLOURS[r.person.snapshot.stakeholderGroup] }} aria-hidden="true" />
                    {t(`groups.${r.person.snapshot.stakeholderGroup}`)}
                  </span>
                  <span className="room-queue-org">{r.person.snapshot.organisationName}</span>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {queue.length > shown.length ? <p className="room-muted">{t('roomScreen.queueMore', { count: queue.length - shown.length })}</p> : null}
    </section>
  );
}

function SpeakingTimePanel({ meeting, nowMs }: { meeting: MeetingView; nowMs: number }) {
  const { t } = useTranslation();
  const time = liveSpeakingTime(meeting, nowMs);
  return (
    <section className="room-panel room-time" aria-labelledby="room-time-title">
      <h2 id="room-time-title" className="room-label">
        {t('roomScreen.speakingTime', { total: formatClock(time.totalSeconds) })}
      </h2>
      <SpeakingTimeBars time={time} />
    </section>
  );
}

function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <p className="room-live" data-status={status} data-testid="room-live" role="status">
      <span className="room-live-dot" aria-hidden="true" />
      {t(`roomScreen.live.${status}`)}
    </p>
  );
}

/** The screen itself, from a meeting (the data is fetched and followed live by the page). */
export function RoomScreen({ meeting, nowMs, liveStatus }: { meeting: MeetingView; nowMs: number; liveStatus: LiveStatus }) {
  const { t } = useTranslation();
  const item = currentItem(meeting);
  return (
    <div className="room-screen" data-testid="room-screen">
      <header className="room-top">
        <div className="room-titles">
          <p className="room-group">{meeting.workingGroupName}</p>
          <h1 className="room-title">{meeting.title}</h1>
        </div>
        <div className="room-top-right">
          <p className="room-status" data-status={meeting.status}>
            {t(`roomScreen.status.${meeting.status}`)}
          </p>
          <Clock timeZone={meeting.timeZone} nowMs={nowMs} />
        </div>
      </header>
      <main className="room-main">
        <div className="room-left">
          <section className="room-panel room-item" aria-labelledby="room-item-title" data-testid="room-item">
            <h2 id="room-item-title" className="room-label">
              {t('roomScreen.currentItem')}
            </h2>
            {item ? (
              <p className="room-item-title">
                <span className="room-item-position">{item.position}.</span> {item.title}
              </p>
            ) : (
              <p className="room-muted room-item-title">{t('roomScreen.noItem')}</p>
            )}
          </section>
          {/* Shown while the ballot is open: its own room (useBallot) says when it opens and closes. */}
          {item?.ballot ? <BallotTally ballotId={item.ballot.id} /> : null}
          {item?.document ? <TextUnderDiscussion item={item} /> : null}
        </div>
        <div className="room-right">
          <CurrentSpeaker meeting={meeting} nowMs={nowMs} />
          <Queue meeting={meeting} />
          <SpeakingTimePanel meeting={meeting} nowMs={nowMs} />
        </div>
      </main>
      <LiveIndicator status={liveStatus} />
    </div>
  );
}

/** The room screen (issue #21): a read-only full-screen projector view of a session, followed live. */
export default function RoomScreenPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meeting = useMeeting(id);
  const live = useMeetingLive(id);
  const nowMs = useNow(1000);
  const title = meeting.data ? t('roomScreen.documentTitle', { title: meeting.data.title }) : t('roomScreen.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  // A projector is left alone for hours: while the live connection is down, read the session again every few seconds.
  const { refetch } = meeting;
  useEffect(() => {
    if (live.status === 'live') return;
    const timer = setInterval(() => void refetch(), POLL_MS);
    return () => clearInterval(timer);
  }, [live.status, refetch]);

  if (meeting.isPending)
    return (
      <div className="room-screen room-message">
        <p>{t('roomScreen.loading')}</p>
      </div>
    );
  if (meeting.isError || !meeting.data)
    return (
      <div className="room-screen room-message">
        <main>
          <h1>{isProblem(meeting.error) && meeting.error.status === 404 ? t('roomScreen.notFound') : t('roomScreen.failed')}</h1>
        </main>
      </div>
    );
  return <RoomScreen meeting={meeting.data} nowMs={nowMs} liveStatus={live.status} />;
}
