import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS } from '@parley/domain';
import type { z } from 'zod';
import type { unsubscribeResponse } from '@parley/contracts';
import { DataSource } from 'typeorm';
import { validationProblem } from '../platform/http/problem';
import { MailLinker } from './mail-links';
import { readUnsubscribeToken } from './mail-tokens';

/**
 * One-click unsubscribe (RFC 8058): the signed token says who and which kind ('all' from a digest
 * or a verification mail); that kind's e-mail becomes 'never' (the centre keeps showing it), and
 * what of that kind waits for a digest is not mailed either. A forged or altered token changes nothing.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly linker: MailLinker,
  ) {}

  async unsubscribe(token: string): Promise<z.infer<typeof unsubscribeResponse>> {
    const t = readUnsubscribeToken(this.linker.secret, token);
    if (!t) throw validationProblem('token', 'invalid');
    const kinds = t.scope === 'all' ? [...NOTIFICATION_KINDS] : [t.scope];
    await this.dataSource.transaction(async (m) => {
      const [exists] = (await m.query(`SELECT 1 FROM people WHERE id = $1`, [t.personId])) as unknown[];
      if (!exists) throw validationProblem('token', 'invalid');
      await m.query(
        `INSERT INTO notification_preferences (person_id, kind, in_app, email) SELECT $1, k, true, 'never' FROM unnest($2::text[]) AS k
         ON CONFLICT (person_id, kind) DO UPDATE SET email = 'never'`,
        [t.personId, kinds],
      );
      await m.query(`UPDATE notifications SET email_mode = 'never' WHERE recipient_id = $1 AND kind = ANY($2::text[]) AND email_delivery_id IS NULL AND email_mode <> 'never'`, [
        t.personId,
        kinds,
      ]);
    });
    return { unsubscribed: t.scope };
  }
}
