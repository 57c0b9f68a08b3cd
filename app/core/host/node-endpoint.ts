/** Node's message ports (a worker, its parentPort, a MessageChannel's end) as a PortEndpoint. */
import type { MessagePort, Worker } from 'node:worker_threads';
import type { PortEndpoint } from '../../shared/port-protocol.ts';

export function nodeEndpoint(port: MessagePort | Worker): PortEndpoint {
  return {
    post: (message) => {
      port.postMessage(message);
    },
    listen: (handler) => {
      port.on('message', handler);
      return () => {
        port.off('message', handler);
      };
    },
  };
}

/** Only the protocol's calls reach `handler`; control messages (start, shutdown) go elsewhere. */
export function callsOnly(endpoint: PortEndpoint): PortEndpoint {
  return {
    post: (message) => {
      endpoint.post(message);
    },
    listen: (handler) =>
      endpoint.listen((data) => {
        if ((data as { kind?: unknown } | null)?.kind === 'call') handler(data);
      }),
  };
}
