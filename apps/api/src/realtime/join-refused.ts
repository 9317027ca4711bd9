import type { JoinRoomRefused, Refusal } from '@parley/contracts';
import { refusalText } from '../platform/http/refusal-text';

/** A refused join: the refusal's code and facts, and its English sentence, rendered where every refusal's is. */
export const joinRefused = (room: string, r: Refusal): JoinRoomRefused => ({ ok: false, room, code: r.code, params: r.params, detail: refusalText(r) });
