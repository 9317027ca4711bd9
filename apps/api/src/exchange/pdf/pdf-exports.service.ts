import { Injectable } from '@nestjs/common';
import { clauseReferences } from '@parley/domain';
import type { CsvLanguage } from '@parley/contracts';
import { Clock } from '../../platform/clock/clock';
import { CommentService } from '../../drafting/comment.service';
import { DocumentReads } from '../../drafting/document-reads.service';
import type { Actor } from '../../identity/actor';
import { slug } from '../../transparency/adopted-text-export';
import { VersionRecordReads } from '../../transparency/version-record';
import { dispositionsPdf } from './dispositions-pdf';
import { pdfWords } from './pdf-words';
import { versionPdf } from './version-pdf';

export interface PdfFile {
  filename: string;
  body: Buffer;
}

/**
 * The print PDFs of a version and of its disposition report, read as the reader may read them:
 * a version still circulated to members only is refused to anyone else (decision 0041).
 */
@Injectable()
export class PdfExports {
  constructor(
    private readonly records: VersionRecordReads,
    private readonly comments: CommentService,
    private readonly documents: DocumentReads,
    private readonly clock: Clock,
  ) {}

  async version(reader: Actor | null, documentId: string, n: number, lang: CsvLanguage | undefined): Promise<PdfFile> {
    const record = await this.records.read(reader, documentId, n);
    const body = await versionPdf(record, pdfWords(lang), this.clock.now());
    return { filename: `${slug(record.doc.title)}-v${n}.pdf`, body };
  }

  async dispositions(reader: Actor | null, documentId: string, n: number, lang: CsvLanguage | undefined): Promise<PdfFile> {
    const report = await this.comments.report(reader, documentId, n);
    const doc = await this.documents.get(reader, documentId, n);
    const refs = clauseReferences(doc.version.clauses);
    const body = await dispositionsPdf(report, doc.workingGroup.name, (e) => refs.get(e.clauseId) ?? e.clauseLabel ?? '—', pdfWords(lang), this.clock.now());
    return { filename: `${slug(report.title)}-v${n}-dispositions.pdf`, body };
  }
}
