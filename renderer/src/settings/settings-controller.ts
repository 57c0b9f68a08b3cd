import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NewsApi } from '../../../app/shared/contract.ts';
import type { Settings, SettingsPatch } from '../../../app/shared/settings.ts';

/**
 * The reader's settings as the app shows them: loaded with the app, replaced by the app's
 * `settingsChanged` events, saved through NewsApi. The host re-renders only when they differ from
 * what is shown.
 */
export class SettingsController implements ReactiveController {
  /** Null until the app has loaded. */
  settings: Settings | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #api: NewsApi;
  readonly #onError: (message: string) => void;

  constructor(host: ReactiveControllerHost, api: NewsApi, onError: (message: string) => void) {
    this.#host = host;
    this.#api = api;
    this.#onError = onError;
    host.addController(this);
  }

  hostConnected(): void {
    // Loaded by the host with the rest of the first view (heitu-app.ts).
  }

  /** Takes settings from the app, re-rendering only when they differ from what is shown. */
  apply(next: Settings): void {
    if (JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    this.#host.requestUpdate();
  }

  /** Shows `patch` at once, before it is saved (a script switch paints first, saves after). */
  show(patch: Partial<Settings>): void {
    if (this.settings === null) return;
    this.settings = { ...this.settings, ...patch };
    this.#host.requestUpdate();
  }

  async save(patch: SettingsPatch): Promise<void> {
    try {
      this.apply(await this.#api.setSettings(patch));
    } catch (error) {
      this.#onError((error as Error).message);
      this.#host.requestUpdate();
    }
  }
}
