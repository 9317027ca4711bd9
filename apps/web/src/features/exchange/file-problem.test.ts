import { ProblemError } from '../../api/client';
import { createI18n } from '../../test/i18n';
import { fileProblemMessage } from './file-problem';

const refused = (found: string) =>
  new ProblemError({ type: '/problems/upload-not-docx', title: 'Unsupported file', status: 415, detail: '', code: 'upload-not-docx', params: { found } });

describe('a refused upload in the reader’s language', () => {
  const french = createI18n({ lng: 'fr', detect: false });
  const english = createI18n({ lng: 'en', detect: false });

  it.each([
    [
      'doc',
      'Send a Word document (.docx); this file is an old Word document (.doc).',
      'Envoyez un document Word (.docx) ; ce fichier est un ancien document Word (.doc).',
    ],
    ['pdf', 'Send a Word document (.docx); this file is a PDF.', 'Envoyez un document Word (.docx) ; ce fichier est un PDF.'],
    [
      'zip',
      'Send a Word document (.docx); this file is a zip archive without a Word document in it.',
      'Envoyez un document Word (.docx) ; ce fichier est une archive zip sans document Word.',
    ],
  ])('names what the file was (%s)', (found, en, fr) => {
    expect(fileProblemMessage(english.t, refused(found))).toBe(en);
    expect(fileProblemMessage(french.t, refused(found))).toBe(fr);
  });

  it('reads a kind it does not know as not a Word document, and other refusals as usual', () => {
    expect(fileProblemMessage(french.t, refused('wordPerfect'))).toBe('Envoyez un document Word (.docx) ; ce fichier est autre chose qu’un document Word.');
    const macros = new ProblemError({ type: '/problems/docx-has-macros', title: 'Refused', status: 400, detail: '', code: 'docx-has-macros', params: {} });
    expect(fileProblemMessage(french.t, macros)).toMatch(/^Le fichier contient des macros/);
  });
});
