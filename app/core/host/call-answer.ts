/**
 * Answering one call of the message protocol, wherever it is answered: by the library's writer
 * (library-host.ts) or by its reader on the thread that receives the calls (library-router.ts).
 * Every call is validated here, whoever sent it; a renderer's port reaches only the contract,
 * main's and the web server's also the image cache.
 */
import * as v from 'valibot';
import type { NewsApi } from '../../shared/contract.ts';
import { NewsApiError, type CallResult } from '../../shared/errors.ts';
import {
  INTERNAL_ARGS,
  isInternalMethod,
  type CallMessage,
  type ImageBytes,
  type LibraryMessage,
  type PortEndpoint,
} from '../../shared/port-protocol.ts';
import { dispatch } from '../dispatch.ts';
import { createLogger } from '../log.ts';

const log = createLogger('library-host');

/** Who holds a port: the renderer reaches the contract only. */
export type PortRole = 'renderer' | 'trusted';

/** A call as received: its method and arguments are `dispatch`'s to judge and refuse. */
export type ReceivedCall = Omit<CallMessage, 'method'> & { readonly method: unknown };

/** What answers calls: (a part of) the contract and the image cache. */
export interface Answerer extends Partial<NewsApi> {
  getImage(id: number): { mime: string; bytes: Buffer } | null;
}

/** What makes a call answerable: the rest (method, args) is `dispatch`'s to judge and refuse. */
const Envelope = v.object({
  kind: v.literal('call'),
  id: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  method: v.unknown(),
  args: v.unknown(),
});

export function envelope(data: unknown): ReceivedCall | null {
  const parsed = v.safeParse(Envelope, data);
  return parsed.success ? parsed.output : null;
}

/** Posts to a port that may have closed meanwhile (a reloaded window): then nothing is said. */
export function poster(endpoint: PortEndpoint): (message: LibraryMessage) => void {
  return (message) => {
    try {
      endpoint.post(message);
    } catch (error) {
      log.debug('could not post to a closed port', error);
    }
  };
}

export async function answer(
  api: Answerer,
  message: ReceivedCall,
  role: PortRole,
): Promise<CallResult<unknown>> {
  if (role === 'trusted' && isInternalMethod(message.method)) {
    const args = v.safeParse(INTERNAL_ARGS[message.method], message.args);
    if (!args.success) {
      return {
        ok: false,
        error: new NewsApiError('BAD_ARGUMENT', 'getImage takes one image id').toPayload(),
      };
    }
    const [id] = args.output as [number];
    try {
      return { ok: true, value: imageBytes(api, id) };
    } catch (error) {
      if (error instanceof NewsApiError) return { ok: false, error: error.toPayload() };
      throw error;
    }
  }
  return dispatch(api, message.method, message.args);
}

function imageBytes(api: Answerer, id: number): ImageBytes | null {
  const image = api.getImage(id);
  return image === null ? null : { mime: image.mime, bytes: new Uint8Array(image.bytes) };
}
