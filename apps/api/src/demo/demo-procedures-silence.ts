import { Injectable, Logger } from '@nestjs/common';
import { DocumentService } from '../drafting/document.service';
import type { Actor } from '../identity/actor';
import { SilenceScheduler } from '../procedures/silence/silence-scheduler';
import { SilenceService } from '../procedures/silence/silence.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadWorkingGroups } from './fixtures';

const NORMS = 'Working group on international norms';

const PROGRAMME = {
  title: 'Programme of work for 2027',
  clauses: [
    { kind: 'preamble' as const, text: 'Recalling its mandate to draft commentary and implementation guidance on the nine principles of the Paris Call,' },
    { kind: 'preamble' as const, text: 'Having considered the proposal of the co-chairs, circulated to all members,' },
    { kind: 'operative' as const, text: 'Adopts the programme of work for 2027 annexed to the present decision;' },
    { kind: 'operative' as const, text: 'Decides to hold three formal sessions in 2027, in February, June and October, each of three days, with remote participation open to all members;' },
    { kind: 'operative' as const, text: 'Requests the co-chairs to circulate a draft commentary on principles 1 to 3 no later than six weeks before the June session;' },
    { kind: 'operative' as const, text: 'Decides to review the programme of work at its October session.' },
  ],
};

const MODALITIES = {
  title: 'Modalities of stakeholder participation in informal consultations',
  clauses: [
    { kind: 'preamble' as const, text: 'Recognising the contribution of governments, the private sector and civil society to the implementation of the Paris Call,' },
    { kind: 'preamble' as const, text: 'Seeking to ensure that informal consultations remain open, balanced and transparent,' },
    { kind: 'operative' as const, text: 'Decides that informal consultations convened by the co-chairs shall be open to all members and observers of the working group;' },
    { kind: 'operative' as const, text: 'Invites observers to submit written contributions at least five working days before each informal consultation;' },
    { kind: 'operative' as const, text: 'Requests the co-chairs to publish a summary of each informal consultation within ten working days;' },
    { kind: 'operative' as const, text: 'Decides that no more than two speakers per delegation shall take the floor on any one item.' },
  ],
};

const OBJECTION =
  'Public Knowledge objects to paragraph 2: with no agenda circulated in advance, a deadline of five working days would in practice exclude written contributions from civil society. We ask that the agenda be circulated at least ten working days before each consultation, and that the text be read again.';

/**
 * Two procedural texts of the international norms group put under silence for 72 hours (issue #19,
 * decision 0036), through the same use cases as real use, between day 168 13:00 and day 165 15:00:
 * the modalities of stakeholder participation are broken by Public Knowledge's signed, reasoned
 * objection; the programme of work for 2027 passes at its deadline, adopted by the silence
 * scheduler's pass run on the demo's timeline (the API's own scheduler is paused meanwhile).
 */
@Injectable()
export class DemoProceduresSilence {
  private readonly logger = new Logger(DemoProceduresSilence.name);

  constructor(
    private readonly documents: DocumentService,
    private readonly silence: SilenceService,
    private readonly scheduler: SilenceScheduler,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>, history: DemoHistory): Promise<void> {
    const fixture = loadWorkingGroups().find((g) => g.name === NORMS);
    const groupId = groupIds.get(NORMS);
    if (!fixture || !groupId) return;
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo silence procedure: no delegate for ${organisation}`);
      return delegate;
    };
    const chair = d(fixture.chairs[0]);
    await this.scheduler.pausedDuring(async () => {
      history.on(168, 13);
      const programme = await this.documents.create(chair, groupId, PROGRAMME);
      history.on(168, 13, 10);
      const modalities = await this.documents.create(chair, groupId, MODALITIES);
      // 72 hours and a half: the deadline is at least the group's minimum from the moment each starts.
      history.on(168, 13, 30);
      const passing = await this.silence.start(chair, programme.id, 1, { deadline: history.day(165, 14).toISOString() });
      history.on(168, 13, 40);
      const breaking = await this.silence.start(chair, modalities.id, 1, { deadline: history.day(165, 14, 10).toISOString() });
      history.on(166, 10, 15);
      await this.silence.object(d('Public Knowledge'), breaking.id, { reason: OBJECTION });
      // The deadline of the programme of work: silence held, and the scheduler's pass adopts it then.
      history.at(new Date(passing.deadline));
      const passed = await this.silence.passDue();
      if (!passed.includes(passing.id)) throw new Error('demo silence procedure: the programme of work was not adopted at its deadline');
    });
    this.logger.log('Demo silence procedures loaded: one broken by an objection, one adopted at its deadline');
  }
}
