import type { NotificationLanguage } from '@parley/contracts';

/** The words of Parley's e-mail around the notification sentences, in each language. */
export interface MailWords {
  /** The message's language (its html `lang`, and `dir` from it). */
  lang: NotificationLanguage;
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
  lang: 'en',
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
  lang: 'fr',
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

const ruForms = new Intl.PluralRules('ru');
const arForms = new Intl.PluralRules('ar');

const AR: MailWords = {
  lang: 'ar',
  hello: (name) => `مرحبًا ${name}،`,
  open: 'فتح في Parley',
  immediateSubject: (s) => `[Parley] ${s}`,
  digestSubject: (p, n) =>
    `[Parley] موجزك ${p === 'daily' ? 'اليومي' : 'الأسبوعي'}: ${{ one: 'مستجد واحد', two: 'مستجدان', few: `${n} مستجدات` }[arForms.select(n) as 'one'] ?? `${n} مستجدًا`}`,
  digestHeading: (p) => (p === 'daily' ? 'ما جرى منذ الأمس' : 'ما جرى هذا الأسبوع'),
  digestMore: (n) => `…وعدد آخر في Parley: ${n}.`,
  elsewhere: 'في مواضع أخرى من Parley',
  verifySubject: '[Parley] أكّد عنوان بريدك الإلكتروني',
  verifyBody: (email) => `يُرجى تأكيد أن ${email} هو عنوانك، حتى يتمكن Parley من إرسال الإشعارات إليك. الرابط صالح لمدة 48 ساعة.`,
  verifyAction: 'تأكيد عنواني',
  verifyIgnore: 'إذا لم تكن قد سجّلت في Parley، فتجاهل هذه الرسالة.',
  footerWhy: 'تتلقى هذه الرسالة بسبب تفضيلات الإشعارات الخاصة بك في Parley.',
  preferences: 'تغيير ما يرسله Parley إليك',
  unsubscribeKind: 'إيقاف الرسائل من هذا النوع',
  unsubscribeAll: 'إيقاف هذه الرسائل',
};

const ZH: MailWords = {
  lang: 'zh',
  hello: (name) => `${name}，您好：`,
  open: '在 Parley 中打开',
  immediateSubject: (s) => `[Parley] ${s}`,
  digestSubject: (p, n) => `[Parley] 您的${p === 'daily' ? '每日' : '每周'}摘要：${n}条更新`,
  digestHeading: (p) => (p === 'daily' ? '昨天以来的动态' : '本周动态'),
  digestMore: (n) => `……另有${n}条，请在 Parley 中查看。`,
  elsewhere: 'Parley 中的其他动态',
  verifySubject: '[Parley] 请确认您的电子邮件地址',
  verifyBody: (email) => `请确认 ${email} 是您的地址，以便 Parley 向您发送通知。该链接在 48 小时内有效。`,
  verifyAction: '确认我的地址',
  verifyIgnore: '如果您没有注册 Parley，请忽略此邮件。',
  footerWhy: '您收到此邮件，是因为您在 Parley 中设置了相应的通知偏好。',
  preferences: '更改 Parley 向您发送的内容',
  unsubscribeKind: '不再接收此类邮件',
  unsubscribeAll: '不再接收这些邮件',
};

const RU: MailWords = {
  lang: 'ru',
  hello: (name) => `Здравствуйте, ${name}!`,
  open: 'Открыть в Parley',
  immediateSubject: (s) => `[Parley] ${s}`,
  digestSubject: (p, n) =>
    `[Parley] Ваша ${p === 'daily' ? 'ежедневная' : 'еженедельная'} сводка: ${n} ${{ one: 'новость', few: 'новости' }[ruForms.select(n) as 'one'] ?? 'новостей'}`,
  digestHeading: (p) => (p === 'daily' ? 'Что произошло со вчерашнего дня' : 'Что произошло за эту неделю'),
  digestMore: (n) => `…и еще ${n} в Parley.`,
  elsewhere: 'Другое в Parley',
  verifySubject: '[Parley] Подтвердите адрес электронной почты',
  verifyBody: (email) => `Подтвердите, что ${email} — ваш адрес, чтобы Parley мог присылать вам уведомления. Ссылка действительна 48 часов.`,
  verifyAction: 'Подтвердить адрес',
  verifyIgnore: 'Если вы не регистрировались в Parley, просто проигнорируйте это письмо.',
  footerWhy: 'Вы получили это письмо в соответствии с вашими настройками уведомлений в Parley.',
  preferences: 'Изменить, что присылает Parley',
  unsubscribeKind: 'Больше не присылать письма этого типа',
  unsubscribeAll: 'Больше не присылать эти письма',
};

const ES: MailWords = {
  lang: 'es',
  hello: (name) => `Hola, ${name}:`,
  open: 'Abrir en Parley',
  immediateSubject: (s) => `[Parley] ${s}`,
  digestSubject: (p, n) => `[Parley] Su resumen ${p === 'daily' ? 'diario' : 'semanal'}: ${n} ${n === 1 ? 'novedad' : 'novedades'}`,
  digestHeading: (p) => (p === 'daily' ? 'Lo que ha ocurrido desde ayer' : 'Lo que ha ocurrido esta semana'),
  digestMore: (n) => `…y ${n} más en Parley.`,
  elsewhere: 'En otras partes de Parley',
  verifySubject: '[Parley] Confirme su dirección de correo electrónico',
  verifyBody: (email) => `Confirme que ${email} es su dirección para que Parley pueda enviarle notificaciones. El enlace es válido durante 48 horas.`,
  verifyAction: 'Confirmar mi dirección',
  verifyIgnore: 'Si no se ha registrado en Parley, ignore este mensaje.',
  footerWhy: 'Recibe este correo electrónico debido a sus preferencias de notificación en Parley.',
  preferences: 'Cambiar lo que Parley le envía',
  unsubscribeKind: 'No recibir más correos de este tipo',
  unsubscribeAll: 'No recibir más estos correos',
};

const WORDS: Record<NotificationLanguage, MailWords> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };

export const mailWords = (lang: NotificationLanguage): MailWords => WORDS[lang];
