import type { NotificationLanguage } from '@parley/contracts';

/** The words of Parley's e-mail around the notification sentences, in each language. */
export interface MailWords {
  hello: (name: string) => string;
  open: string;
  immediateSubject: (sentence: string) => string;
  digestSubject: (period: 'daily' | 'weekly', count: number) => string;
  digestHeading: (period: 'daily' | 'weekly') => string;
  digestMore: (count: number) => string;
  elsewhere: string;
  verifySubject: string;
  verifyBody: (email: string) => string;
  verifyAction: string;
  verifyIgnore: string;
  footerWhy: string;
  preferences: string;
  unsubscribeKind: string;
  unsubscribeAll: string;
}

const EN: MailWords = {
  hello: (name) => `Hello ${name},`,
  open: 'Open in Parley',
  immediateSubject: (s) => `[Parley] ${s}`,
  digestSubject: (p, n) => `[Parley] Your ${p} summary: ${n} ${n === 1 ? 'update' : 'updates'}`,
  digestHeading: (p) => (p === 'daily' ? 'What happened since yesterday' : 'What happened this week'),
  digestMore: (n) => `…and ${n} more in Parley.`,
  elsewhere: 'Elsewhere in Parley',
  verifySubject: '[Parley] Confirm your e-mail address',
  verifyBody: (email) => `Please confirm that ${email} is your address, so Parley may send you notifications. The link is valid for 48 hours.`,
  verifyAction: 'Confirm my address',
  verifyIgnore: 'If you did not sign up to Parley, ignore this message.',
  footerWhy: 'You receive this e-mail because of your notification preferences in Parley.',
  preferences: 'Change what Parley sends you',
  unsubscribeKind: 'Stop e-mails of this kind',
  unsubscribeAll: 'Stop these e-mails',
};

const FR: MailWords = {
  hello: (name) => `Bonjour ${name},`,
  open: 'Ouvrir dans Parley',
  immediateSubject: (s) => `[Parley] ${s}`,
  digestSubject: (p, n) => `[Parley] Votre résumé ${p === 'daily' ? 'quotidien' : 'hebdomadaire'} : ${n} ${n === 1 ? 'nouveauté' : 'nouveautés'}`,
  digestHeading: (p) => (p === 'daily' ? 'Ce qui s’est passé depuis hier' : 'Ce qui s’est passé cette semaine'),
  digestMore: (n) => `…et ${n} de plus dans Parley.`,
  elsewhere: 'Ailleurs dans Parley',
  verifySubject: '[Parley] Confirmez votre adresse e-mail',
  verifyBody: (email) => `Confirmez que ${email} est bien votre adresse, afin que Parley puisse vous envoyer des notifications. Le lien est valable 48 heures.`,
  verifyAction: 'Confirmer mon adresse',
  verifyIgnore: 'Si vous ne vous êtes pas inscrit sur Parley, ignorez ce message.',
  footerWhy: 'Vous recevez cet e-mail en raison de vos préférences de notification dans Parley.',
  preferences: 'Choisir ce que Parley vous envoie',
  unsubscribeKind: 'Ne plus recevoir ce type d’e-mail',
  unsubscribeAll: 'Ne plus recevoir ces e-mails',
};

export const mailWords = (lang: NotificationLanguage): MailWords => (lang === 'fr' ? FR : EN);
