import type { CsvLanguage, Disposition } from '@parley/contracts';

/** What Parley writes around the commenting template's table, in the reader's language (the comments are as written). */
export interface TemplateWords {
  heading: (title: string, version: number) => string;
  legend: string;
  attribution: string;
  dispositions: Record<Disposition, string>;
}

export const TEMPLATE_WORDS: Record<CsvLanguage, TemplateWords> = {
  en: {
    heading: (title, version) => `Comments on “${title}”, version ${version}`,
    legend:
      'Type of comment: ge = general, te = technical, ed = editorial, qu = question of clarification. Name the clause as PP2 (second preambular paragraph), OP3 (third operative paragraph) or H1 (first heading).',
    attribution:
      'Fill in one row per comment. Uploaded to Parley by a focal point, the rows become comments of the organisation of that focal point; the MB/NC column is not read.',
    dispositions: { accepted: 'Accepted', noted: 'Noted', rejected: 'Rejected' },
  },
  fr: {
    heading: (title, version) => `Commentaires sur « ${title} », version ${version}`,
    legend:
      'Type de commentaire : ge = général, te = technique, ed = rédactionnel, qu = demande de clarification. Désignez le paragraphe par PP2 (deuxième alinéa du préambule), OP3 (troisième paragraphe du dispositif) ou H1 (premier titre).',
    attribution:
      'Remplissez une ligne par commentaire. Déposées dans Parley par un point focal, les lignes deviennent des commentaires de l’organisation de ce point focal ; la colonne Organisation n’est pas lue.',
    dispositions: { accepted: 'Retenu', noted: 'Pris en note', rejected: 'Écarté' },
  },
  ar: {
    heading: (title, version) => `تعليقات على «${title}»، الصيغة ${version}`,
    legend:
      'نوع التعليق: ge = عام، te = فني، ed = تحريري، qu = طلب توضيح. حدِّد الفقرة بالرمز PP2 (الفقرة الثانية من الديباجة) أو OP3 (الفقرة الثالثة من المنطوق) أو H1 (العنوان الأول).',
    attribution:
      'املأ صفًا واحدًا لكل تعليق. عندما ترفع جهة التنسيق الجدول إلى Parley، تصبح الصفوف تعليقات باسم المنظمة التي تنتمي إليها؛ ولا يُقرأ عمود المنظمة.',
    dispositions: { accepted: 'مقبول', noted: 'أُحيط به علمًا', rejected: 'مرفوض' },
  },
  zh: {
    heading: (title, version) => `对“${title}”第${version}版的评论`,
    legend: '评论类型：ge = 一般性，te = 技术性，ed = 编辑性，qu = 澄清问题。段落编号请写作 PP2（序言部分第二段）、OP3（执行部分第三段）或 H1（第一个标题）。',
    attribution: '每条评论填写一行。由联络人上传至 Parley 后，各行即成为该联络人所属组织的评论；“组织”一栏不予读取。',
    dispositions: { accepted: '采纳', noted: '注意到', rejected: '不予采纳' },
  },
  ru: {
    heading: (title, version) => `Замечания по документу «${title}», версия ${version}`,
    legend:
      'Тип замечания: ge — общее, te — техническое, ed — редакционное, qu — просьба о разъяснении. Указывайте пункт как PP2 (второй пункт преамбулы), OP3 (третий пункт постановляющей части) или H1 (первый заголовок).',
    attribution:
      'Заполняйте одну строку на каждое замечание. Когда контактное лицо загружает таблицу в Parley, строки становятся замечаниями его организации; столбец «Организация» не считывается.',
    dispositions: { accepted: 'Принято', noted: 'Принято к сведению', rejected: 'Отклонено' },
  },
  es: {
    heading: (title, version) => `Observaciones sobre “${title}”, versión ${version}`,
    legend:
      'Tipo de observación: ge = general, te = técnico, ed = de redacción, qu = solicitud de aclaración. Indique el párrafo como PP2 (segundo párrafo del preámbulo), OP3 (tercer párrafo de la parte dispositiva) o H1 (primer título).',
    attribution:
      'Rellene una fila por observación. Cuando un punto focal carga la plantilla en Parley, las filas pasan a ser observaciones de la organización de ese punto focal; la columna Organización no se lee.',
    dispositions: { accepted: 'Aceptada', noted: 'Se toma nota', rejected: 'Rechazada' },
  },
};
