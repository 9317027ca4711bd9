import { createI18n } from '../../test/i18n';
import { rolesInSentence } from './standing-text';

const en = createI18n({ lng: 'en', detect: false });
const fr = createI18n({ lng: 'fr', detect: false });

describe('the join card says a role in lower case inside its sentence', () => {
  it('standing in the group, in English and French', () => {
    const roles = { kind: 'member' as const, chair: true, rapporteur: true };
    expect(en.t('workingGroups.join.youAre', { roles: rolesInSentence(en.t, roles) })).toBe('You take part as: member, chair, rapporteur.');
    expect(fr.t('workingGroups.join.youAre', { roles: rolesInSentence(fr.t, roles) })).toBe('Vous participez comme : membre, président, rapporteur(e).');
  });

  it('a pending request to join, in English and French', () => {
    const date = '5 December 2026';
    expect(en.t('workingGroups.join.pending', { kind: rolesInSentence(en.t, { kind: 'member' }), date })).toBe(
      `You asked to join as member on ${date}; a chair will answer your request.`,
    );
    expect(fr.t('workingGroups.join.pending', { kind: rolesInSentence(fr.t, { kind: 'observer' }), date })).toBe(
      `Vous avez demandé à rejoindre comme observateur le ${date} ; un président répondra à votre demande.`,
    );
  });

  it('badges keep their capital', () => {
    expect([en.t('workingGroups.roles.member'), fr.t('workingGroups.roles.member')]).toEqual(['Member', 'Membre']);
  });
});
