import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { refusal, type RecoveryCodesResponse, type SecondFactorProof, type TwoFactorSetupResponse, type TwoFactorStatusResponse } from '@parley/contracts';
import {
  afterWrongAnswer,
  formatRecoveryCode,
  isFreshStep,
  isLocked,
  normaliseRecoveryCode,
  normaliseTotpCode,
  PLATFORM_SCOPE,
  RECOVERY_CODE_COUNT,
  TOTP,
  TOTP_TOLERANCE_SECONDS,
  twoFactorDueAt,
} from '@parley/domain';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { Clock } from '../../platform/clock/clock';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import { notFound, ProblemException, refuse, refused, validationProblem } from '../../platform/http/problem';
import type { Actor } from '../actor';
import { PeopleRepository } from '../people.repository';
import { PeopleService } from '../people.service';
import { SessionRepository } from '../session.repository';
import { SessionSockets } from '../sessions/session-sockets';
import { SecretBox } from '../../platform/crypto/secret-box';
import { TwoFactorRepository, type TwoFactorRow } from './two-factor.repository';
import { TwoFactorRequirement } from './two-factor-requirement';

/** How a proof of the second factor went: accepted (and how), or refused, with what to answer once the transaction has committed. */
export type ProofOutcome = { ok: true; via: 'code' | 'recovery-code' } | { ok: false; error: ProblemException; locked: boolean };

const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const newRecoveryCode = () => Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');

/**
 * A person's second factor (decision 0050): enrolment, recovery codes, turning it off, a steward's
 * reset, and the one check of a proof every act shares (lock, replay, recovery codes used once).
 */
@Injectable()
export class TwoFactorService {
  readonly box: SecretBox;

  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly requirement: TwoFactorRequirement,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly sockets: SessionSockets,
    @Inject(PARLEY_CONFIG) config: ParleyConfig,
  ) {
    this.box = new SecretBox(config.secret);
  }

  async status(actor: Actor): Promise<TwoFactorStatusResponse> {
    const s = await this.repo.status(actor.id);
    const roles = await this.requirement.rolesOf(actor.id);
    const dues = roles.map((since) => twoFactorDueAt(s.clockFrom, since, this.requirement.graceDays)).filter((d): d is Date => d !== null);
    const enabled = s.enabledAt !== null;
    return {
      enabled,
      pending: s.pending,
      enabledAt: s.enabledAt?.toISOString() ?? null,
      recoveryCodesLeft: s.recoveryCodesLeft,
      requiredByRole: roles.length > 0,
      requiredFrom: enabled || dues.length === 0 ? null : new Date(Math.min(...dues.map((d) => d.getTime()))).toISOString(),
    };
  }

  /** A new secret, pending until a code from it is confirmed; a pending one is replaced, an enabled one refused. */
  async start(actor: Actor): Promise<TwoFactorSetupResponse> {
    const secret = generateSecret();
    await this.tx.run(async (tx) => {
      const row = await this.repo.find(tx.manager, actor.id, true);
      if (row?.enabledAt) throw refuse('two-factor-already-enabled');
      await this.repo.startPending(tx.manager, actor.id, this.box.seal(secret, actor.id), tx.now);
    });
    const otpauthUri = generateURI({ issuer: TOTP.issuer, label: actor.email, secret, algorithm: TOTP.algorithm, digits: TOTP.digits, period: TOTP.period });
    return { secret, otpauthUri };
  }

  /** A code from the pending secret turns it on; the recovery codes are answered this once. */
  async confirm(actor: Actor, code: string): Promise<RecoveryCodesResponse> {
    return this.tx.run(async (tx) => {
      const row = await this.repo.find(tx.manager, actor.id, true);
      if (!row) throw refuse('two-factor-not-started');
      if (row.enabledAt) throw refuse('two-factor-already-enabled');
      const step = await this.matchingStep(row, actor.id, code, tx.now);
      if (step === null) throw refused(refusal('wrong-second-factor-code'), 'code');
      if (!(await this.repo.acceptStep(tx.manager, actor.id, step, tx.now))) throw refused(refusal('second-factor-code-used'), 'code');
      const codes = await this.newRecoveryCodes(tx, actor.id);
      await tx.record({ scope: PLATFORM_SCOPE, actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now), action: 'two-factor.enabled', subjectType: 'person', subjectId: actor.id, change: { method: 'totp' } });
      return { recoveryCodes: codes };
    });
  }

  /** New recovery codes (the old ones stop working), with a current code. */
  async regenerateRecoveryCodes(actor: Actor, code: string): Promise<RecoveryCodesResponse> {
    return this.proved(actor.id, { code }, async (tx) => {
      const codes = await this.newRecoveryCodes(tx, actor.id);
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
        action: 'two-factor.recovery-codes-regenerated',
        subjectType: 'person',
        subjectId: actor.id,
        change: { count: codes.length },
      });
      return { recoveryCodes: codes };
    });
  }

  /** Turns the second factor off, with a current code or a recovery code; never while a role of the person requires it. */
  async disable(actor: Actor, proof: SecondFactorProof): Promise<void> {
    if ((await this.requirement.rolesOf(actor.id)).length > 0) throw refuse('two-factor-required-by-role');
    await this.proved(actor.id, proof, async (tx, via) => {
      await this.repo.remove(tx.manager, actor.id);
      await tx.record({ scope: PLATFORM_SCOPE, actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now), action: 'two-factor.disabled', subjectType: 'person', subjectId: actor.id, change: { proved: via } });
    });
  }

  /**
   * A steward removes the second factor a person lost; the person enrols again. Never one's own
   * (that is turning it off, with a code), and every session of the person ends with it: whoever
   * held one may be who took the factor.
   */
  async reset(actor: Actor, personId: string, reason: string): Promise<void> {
    if (personId === actor.id) throw refuse('two-factor-reset-own');
    const ended = await this.tx.run(async (tx) => {
      const person = await this.people.findById(personId, tx.manager);
      if (!person) throw notFound('person');
      if (!(await this.repo.find(tx.manager, personId, true))) throw refuse('two-factor-not-enabled');
      await this.repo.remove(tx.manager, personId);
      const ids = await this.sessions.end(tx.manager, personId, {}, { now: tx.now, by: actor.id, reason: 'ended-by-steward' });
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
        action: 'two-factor.reset-by-steward',
        subjectType: 'person',
        subjectId: personId,
        change: { name: person.name, reason },
      });
      return ids;
    });
    this.sockets.disconnect(ended);
  }

  /**
   * Runs `then` in the transaction that accepts the person's proof; a refused proof commits only
   * its count of wrong answers (and the lock it may lead to), then is answered.
   */
  async proved<T>(personId: string, proof: SecondFactorProof, then: (tx: Tx, via: 'code' | 'recovery-code') => Promise<T>): Promise<T> {
    const outcome = await this.tx.run(async (tx): Promise<{ ok: true; value: T } | { ok: false; error: ProblemException }> => {
      const r = await this.check(tx, personId, proof);
      if (!r.ok) return r;
      return { ok: true, value: await then(tx, r.via) };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** The one check of a proof (lock, wrong answers, replay, recovery codes used once), in the caller's transaction. */
  async check(tx: Tx, personId: string, proof: SecondFactorProof): Promise<ProofOutcome> {
    const hasCode = proof.code !== undefined && proof.code !== '';
    const hasRecovery = proof.recoveryCode !== undefined && proof.recoveryCode !== '';
    if (hasCode === hasRecovery) throw validationProblem(hasCode ? 'recoveryCode' : 'code', hasCode ? 'unknown-field' : 'required');
    const row = await this.repo.find(tx.manager, personId, true);
    if (!row?.enabledAt) throw refuse('two-factor-not-enabled');
    if (isLocked(row.lockedUntil, tx.now)) return { ok: false, locked: true, error: refuse('second-factor-locked', { until: row.lockedUntil!.toISOString() }) };

    if (hasCode) {
      const step = await this.matchingStep(row, personId, proof.code!, tx.now);
      if (step !== null) {
        if (!isFreshStep(step, row.lastStep) || !(await this.repo.acceptStep(tx.manager, personId, step, null)))
          return { ok: false, locked: false, error: refused(refusal('second-factor-code-used'), 'code') };
        return { ok: true, via: 'code' };
      }
      return this.wrongAnswer(tx, personId, row, refused(refusal('wrong-second-factor-code'), 'code'));
    }
    const normalised = normaliseRecoveryCode(proof.recoveryCode!);
    if (normalised && (await this.repo.useRecoveryCode(tx.manager, personId, this.box.recoveryCodeHash(normalised), tx.now))) {
      await this.repo.setFailures(tx.manager, personId, 0, null);
      await tx.record({ scope: PLATFORM_SCOPE, actor: await this.peopleService.auditActor(tx.manager, personId, tx.now), action: 'two-factor.recovery-code-used', subjectType: 'person', subjectId: personId, change: {} });
      return { ok: true, via: 'recovery-code' };
    }
    return this.wrongAnswer(tx, personId, row, refused(refusal('wrong-recovery-code'), 'recoveryCode'));
  }

  private async wrongAnswer(tx: Tx, personId: string, row: TwoFactorRow, error: ProblemException): Promise<ProofOutcome> {
    const next = afterWrongAnswer(row.failures, tx.now);
    await this.repo.setFailures(tx.manager, personId, next.failures, next.lockedUntil);
    if (!next.lockedUntil) return { ok: false, locked: false, error };
    const until = next.lockedUntil.toISOString();
    await tx.record({ scope: PLATFORM_SCOPE, actor: await this.peopleService.auditActor(tx.manager, personId, tx.now), action: 'two-factor.locked', subjectType: 'person', subjectId: personId, change: { until } });
    return { ok: false, locked: true, error: refuse('second-factor-locked', { until }) };
  }

  /** The time step whose code this is (one step of drift either way), or null for a wrong code. */
  private async matchingStep(row: TwoFactorRow, personId: string, typed: string, now: Date): Promise<number | null> {
    const code = normaliseTotpCode(typed);
    if (!code) return null;
    const secret = this.box.open(row.secretSealed, personId);
    const r = await verify({ secret, token: code, algorithm: TOTP.algorithm, digits: TOTP.digits, period: TOTP.period, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_TOLERANCE_SECONDS });
    return r.valid && 'timeStep' in r ? Number(r.timeStep) : null;
  }

  private async newRecoveryCodes(tx: Tx, personId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.repo.replaceRecoveryCodes(tx.manager, personId, codes.map((c) => this.box.recoveryCodeHash(c)));
    return codes.map(formatRecoveryCode);
  }
}
