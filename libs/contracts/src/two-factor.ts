import { z } from 'zod';
import { instant } from './api/domain-shapes';
import { sessionResponse } from './identity';
import { lineText, text } from './common';

/** Six digits from an authenticator app (spaces and a dash tolerated); the service checks it. */
const code = /* @__PURE__ */ lineText(12);
/** A recovery code as shown (xxxxx-xxxxx), in any case. */
const recoveryCode = /* @__PURE__ */ lineText(24);

/** The person's own two-factor state, for their security page. */
export const twoFactorStatusResponse = /* @__PURE__ */ z
  .object({
    enabled: z.boolean(),
    /** Set up started but not confirmed with a code yet. */
    pending: z.boolean(),
    enabledAt: instant.nullable(),
    recoveryCodesLeft: z.number(),
    /** A role the person holds (steward, focal point, chair in a group that asks it) requires a second factor. */
    requiredByRole: z.boolean(),
    /** When that requirement starts refusing the role's acts, while no second factor is on; null when not required or on. */
    requiredFrom: instant.nullable(),
  })
  .meta({ id: 'TwoFactorStatus' });
export type TwoFactorStatusResponse = z.infer<typeof twoFactorStatusResponse>;

/** A new secret, pending until confirmed: typed by hand or scanned from the otpauth URI. */
export const twoFactorSetupResponse = /* @__PURE__ */ z.object({ secret: z.string(), otpauthUri: z.string() }).meta({ id: 'TwoFactorSetup' });
export type TwoFactorSetupResponse = z.infer<typeof twoFactorSetupResponse>;

export const twoFactorCodeRequest = /* @__PURE__ */ z.strictObject({ code });
export type TwoFactorCodeRequest = z.infer<typeof twoFactorCodeRequest>;

/** Recovery codes, shown once: only their hashes are kept. */
export const recoveryCodesResponse = /* @__PURE__ */ z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponse>;

/** Proof of the second factor: a current code or one of the recovery codes (the service refuses both or neither). */
export const secondFactorProof = /* @__PURE__ */ z.strictObject({ code: code.optional(), recoveryCode: recoveryCode.optional() });
export type SecondFactorProof = z.infer<typeof secondFactorProof>;

/** The second sign-in step: the proof, and the challenge (from the `parley_2fa` cookie, or this field). */
export const secondFactorRequest = /* @__PURE__ */ z.strictObject({ code: code.optional(), recoveryCode: recoveryCode.optional(), challengeToken: z.string().max(200).optional() });
export type SecondFactorRequest = z.infer<typeof secondFactorRequest>;

export const SECOND_FACTOR_METHODS = ['totp', 'recovery-code'] as const;

/** A first factor proved by someone with a second factor: no session yet, a challenge to answer. */
export const secondFactorChallengeResponse = /* @__PURE__ */ z
  .object({ secondFactorRequired: z.literal(true), methods: z.array(z.enum(SECOND_FACTOR_METHODS)), expiresAt: instant, challengeToken: z.string() })
  .meta({ id: 'SecondFactorChallenge' });
export type SecondFactorChallengeResponse = z.infer<typeof secondFactorChallengeResponse>;

/** What signing in with a password answers: the session, or the second step to take. */
export const loginResponse = /* @__PURE__ */ z.union([sessionResponse, secondFactorChallengeResponse]);
export type LoginResponse = z.infer<typeof loginResponse>;

export const twoFactorResetRequest = /* @__PURE__ */ z.strictObject({ reason: text(2000) });
export type TwoFactorResetRequest = z.infer<typeof twoFactorResetRequest>;

/** A working group's setting: its chairs must use two-factor authentication. */
export const chairsTwoFactorRequest = /* @__PURE__ */ z.strictObject({ required: z.boolean() });
export const chairsTwoFactorResponse = /* @__PURE__ */ z.object({ required: z.boolean() }).meta({ id: 'ChairsTwoFactor' });
export type ChairsTwoFactorResponse = z.infer<typeof chairsTwoFactorResponse>;
