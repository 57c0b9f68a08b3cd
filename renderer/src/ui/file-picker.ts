import { html } from 'lit';

/** What a file picker shows and does. */
export interface FilePicker {
  /** The button's words, in the UI language. */
  readonly label: string;
  /** The `accept` of the file input. */
  readonly accept: string;
  readonly onChange: (input: HTMLInputElement) => void;
}

/**
 * A button in the UI language that opens the file dialog. A bare `<input type=file>` draws its
 * own button and "No file chosen" in the browser's language (English in a Chinese UI), and no
 * style reaches those words; so the input stays hidden and this button, one of ours, clicks it.
 * The input is kept in the page (not created on demand) so that a test or an assistive tool can
 * still reach it.
 */
export function renderFilePicker(picker: FilePicker) {
  return html`<button
      type="button"
      @click=${(event: Event) => {
        const input = (event.currentTarget as HTMLElement).nextElementSibling;
        if (input instanceof HTMLInputElement) input.click();
      }}
    >
      ${picker.label}</button
    ><input
      type="file"
      hidden
      tabindex="-1"
      aria-hidden="true"
      accept=${picker.accept}
      @change=${(event: Event) => {
        picker.onChange(event.currentTarget as HTMLInputElement);
      }}
    />`;
}
