import { html, nothing } from 'lit';
import { placeLabel } from '../../../app/shared/new-articles.ts';
import { PLACE_REGION_IDS, type PlaceRegionId } from '../../../app/shared/regions.ts';
import type { Settings, SettingsPatch } from '../../../app/shared/settings.ts';
import type { Locale } from '../i18n/messages.ts';
import type { NotifyMessages } from '../i18n/notify-messages.ts';

/** What the section needs from the settings panel. */
export interface NotifySection {
  readonly settings: Settings;
  readonly t: NotifyMessages;
  readonly locale: Locale;
  readonly change: (patch: SettingsPatch) => void;
}

/** Browser mode asks the browser once, when the reader turns the setting on (a click: allowed). */
function askPermission(): void {
  if ('Notification' in window && Notification.permission === 'default')
    void Notification.requestPermission();
}

/**
 * The settings of "new articles announced" (issue 18): the switch (off by default) and the places
 * whose new articles are announced.
 */
export function renderNotifySection({ settings, t, locale, change }: NotifySection) {
  const on = settings.notifyNewArticles;
  const chosen = new Set<PlaceRegionId>(settings.notifyRegions);
  const blocked = on && 'Notification' in window && Notification.permission === 'denied';
  return html`<section aria-labelledby="h-notify">
    <h3 id="h-notify">${t.heading}</h3>
    <div class="field">
      <input
        type="checkbox"
        id="notify"
        .checked=${on}
        aria-describedby="notify-hint"
        @change=${(event: Event) => {
          const checked = (event.target as HTMLInputElement).checked;
          if (checked) askPermission();
          change({ notifyNewArticles: checked });
        }}
      />
      <label for="notify">${t.enable}</label>
    </div>
    <p id="notify-hint" class="hint">${t.hint}</p>
    ${blocked ? html`<p role="alert">${t.blocked}</p>` : nothing}
    <fieldset ?disabled=${!on}>
      <legend>${t.regions}</legend>
      ${PLACE_REGION_IDS.map(
        (id) =>
          html`<span class="field">
            <input
              type="checkbox"
              id=${`notify-${id}`}
              .checked=${chosen.has(id)}
              @change=${(event: Event) => {
                const next = new Set(chosen);
                if ((event.target as HTMLInputElement).checked) next.add(id);
                else next.delete(id);
                change({ notifyRegions: PLACE_REGION_IDS.filter((r) => next.has(r)) });
              }}
            />
            <label for=${`notify-${id}`}>${placeLabel(id, locale)}</label>
          </span>`,
      )}
    </fieldset>
  </section>`;
}
