import { Injectable, Logger } from '@nestjs/common';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { PacedTicker } from '../../platform/scheduling/paced-ticker';
import { SessionSockets } from '../sessions/session-sockets';
import { IdentityProviderRepository } from './identity-provider.repository';
import { ProviderVouchingService } from './provider-vouching.service';

/** Once an hour is plenty: a lapse is counted in days. */
export const VOUCH_LAPSE_CHECK_MS = 3_600_000;

/**
 * The periodic check of issue #24: confirmations by identity providers whose person has not signed
 * in through the provider for its lapse period end (audited, as done by Parley's scheduled check),
 * with the sessions those people opened through it,
 * and sign-ins abandoned in flight are forgotten. Each pass is one transaction with its rows locked,
 * so two instances never end the same confirmation twice.
 */
@Injectable()
export class VouchLapseCheck extends PacedTicker {
  constructor(
    private readonly tx: AuditedTransaction,
    private readonly vouching: ProviderVouchingService,
    private readonly providers: IdentityProviderRepository,
    private readonly sockets: SessionSockets,
  ) {
    super(new Logger('VouchLapseCheck'), VOUCH_LAPSE_CHECK_MS);
  }

  protected async pass(): Promise<string | null> {
    const { lapsed, purged } = await this.tx.run(async (tx) => ({
      lapsed: await this.vouching.endLapsed(tx, { id: null, name: 'Parley (scheduled check)', snapshot: null }),
      purged: await this.providers.purgeExpiredAttempts(tx.manager, tx.now),
    }));
    this.sockets.disconnect(lapsed.sessions);
    const ended = lapsed.confirmations;
    return ended || purged ? `ended ${ended} lapsed confirmation(s) by identity providers; forgot ${purged} expired sign-in attempt(s)` : null;
  }
}
