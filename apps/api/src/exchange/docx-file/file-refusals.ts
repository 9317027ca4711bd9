import { refusal, type NoParams, type Refusal, type RefusalParamsOf } from '@parley/contracts';
import { refused, type ProblemException } from '../../platform/http/problem';

type FileRefusalCode = 'upload-not-docx' | 'docx-encrypted' | 'docx-expands-too-much' | 'docx-text-too-large' | 'docx-too-many-paragraphs' | 'docx-has-macros' | 'docx-unreadable' | 'docx-no-text';
type ParamsArg<P> = NoParams extends P ? [params?: P] : [params: P];

/** A refusal of the uploaded file itself: the field at fault is the body (decision 0044). */
export const fileRefused = <C extends FileRefusalCode>(code: C, ...params: ParamsArg<RefusalParamsOf<C>>): ProblemException =>
  refused(refusal(code, ...params) as Refusal, '(body)');
