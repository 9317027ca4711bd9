import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Reading an uploaded file is CPU work: uploads are rate-limited (the application's throttler, as
 * sign-in is) per signed-in person rather than per address, since a ministry's delegates share one.
 */
@Injectable()
export class UploadThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req['user'] as { id?: string } | undefined;
    return user?.id ? `person:${user.id}` : super.getTracker(req);
  }
}
