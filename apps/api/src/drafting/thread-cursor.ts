import { cursorCodec } from '../platform/http/cursor';

/** Comment threads and amendments are read in the order they were made: (created at, id). */
export const threadCursor = cursorCodec({ at: 'instant', id: 'uuid' });
