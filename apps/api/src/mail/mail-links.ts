import { Inject, Injectable } from '@nestjs/common';
import { PARLEY_CONFIG, ParleyConfig } from '../platform/config/config';
import type { MailLinks } from './mail-render';
import { unsubscribeToken, type UnsubscribeScope } from './mail-tokens';

/** The absolute links a message carries, signed with the app secret. */
@Injectable()
export class MailLinker {
  constructor(@Inject(PARLEY_CONFIG) private readonly config: ParleyConfig) {}

  get secret(): string {
    return this.config.secret;
  }

  linksFor(personId: string, scope: UnsubscribeScope): MailLinks {
    return { publicUrl: this.config.mail.publicUrl, unsubscribeToken: unsubscribeToken(this.config.secret, personId, scope) };
  }
}
