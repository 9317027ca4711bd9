import { Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type { PresentPerson } from '@parley/contracts';
import { PeopleService } from '../identity/people.service';
import { SessionRepository } from '../identity/session.repository';
import { SESSION_COOKIE } from '../identity/session-token';
import { Clock } from '../platform/clock/clock';

type Handshake = Socket['handshake'];

/** Who is on the other end of a connection: a signed-in person (with their affiliation now), or nobody in particular. */
export type LiveViewer = PresentPerson;

/** The session stays on this instance (the gateway's connection), never in socket data, which other instances see. */
export interface AuthenticatedViewer {
  viewer: LiveViewer;
  sessionId: string;
}

export class UnauthenticatedSocket extends Error {
  readonly data = { code: 'unauthenticated', message: 'The session token is not valid (expired or signed out); connect without one to follow public rooms' };
  constructor() {
    super('unauthenticated');
  }
}

export interface SocketCredentials {
  token: string;
  /** Given explicitly (auth.token or a bearer header): a bad one is refused rather than ignored. */
  explicit: boolean;
}

/**
 * The same session as HTTP: the `parley_session` cookie a browser sends with the handshake, or a
 * token given as `auth: { token }` (or `Authorization: Bearer`) by other clients. A cookie is only
 * believed on a same-origin handshake (no Origin, or Origin's host = Host): a page on another site
 * cannot borrow a visitor's session to appear in presence under their name.
 */
export function credentialsOf(handshake: Pick<Handshake, 'auth' | 'headers'>): SocketCredentials | null {
  const given = (handshake.auth as Record<string, unknown> | undefined)?.token;
  if (typeof given === 'string' && given !== '') return { token: given, explicit: true };
  const header = handshake.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return { token: header.slice(7).trim(), explicit: true };
  const cookie = cookieValue(handshake.headers.cookie, SESSION_COOKIE);
  if (cookie && sameOrigin(handshake.headers.origin, handshake.headers.host)) return { token: cookie, explicit: false };
  return null;
}

export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Removes what must not travel further: socket data and handshakes are shared with other instances (presence lookups). */
export function scrubCredentials(handshake: Pick<Handshake, 'auth' | 'headers'>): void {
  if (handshake.auth && typeof handshake.auth === 'object') delete (handshake.auth as Record<string, unknown>).token;
  delete handshake.headers.cookie;
  delete handshake.headers.authorization;
}

@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  /** The viewer behind a token and the session it opens, or null when it is no (longer a) live session. */
  async viewerFor(token: string): Promise<AuthenticatedViewer | null> {
    if (token.length > 200) return null;
    const now = this.clock.now();
    const session = await this.sessions.findLive(token, now);
    if (!session) return null;
    return { sessionId: session.sessionId, viewer: { id: session.personId, name: session.name, snapshot: await this.people.snapshotOf(undefined, session.personId, now) } };
  }

  /** At the handshake: the viewer, null for an anonymous connection; throws for an explicit token that is not valid. */
  async authenticate(credentials: SocketCredentials | null): Promise<AuthenticatedViewer | null> {
    if (!credentials) return null;
    const found = await this.viewerFor(credentials.token);
    if (!found && credentials.explicit) throw new UnauthenticatedSocket();
    return found;
  }
}
