import type { Provider, Type } from '@nestjs/common';
import { CommentTemplateController } from './comment-template.controller';
import { CommentTemplateService } from './comment-template.service';

/** The ISO commenting template out and in (decision 0044). */
export const COMMENT_TEMPLATE_CONTROLLERS: Type[] = [CommentTemplateController];
export const COMMENT_TEMPLATE_PROVIDERS: Provider[] = [CommentTemplateService];
