import { createContext } from '@lit/context';
import type { NewsClient } from '../../../app/shared/contract.ts';

/** The NewsApi client (api/client.ts), provided by the shell to the panels that call it. */
export const apiContext = createContext<NewsClient>(Symbol('heitu-api'));
