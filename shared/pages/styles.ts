// The customer pages' one stylesheet, kept in code so it survives bundling; served at STYLESHEET_PATH.
import { createHash } from 'node:crypto';

/** Colours, named once; unit tests check every text/background pair used below for WCAG AA contrast. */
export const PALETTE = {
  text: '#1b1b1b',
  muted: '#4b4b4b',
  background: '#ffffff',
  surface: '#f3f4f6',
  border: '#6b7280',
  accent: '#0b5394',
  accentText: '#ffffff',
  focus: '#b45309',
  warningBackground: '#fff4ce',
  warningBorder: '#8a5a00',
  alertBackground: '#fde7e9',
  alertBorder: '#a4262c',
  successBackground: '#e3f4e1',
  successBorder: '#1e6b1e',
} as const;

/** Pairs of (foreground, background) that carry text; each must reach 4.5:1. */
export const TEXT_COLOUR_PAIRS: ReadonlyArray<readonly [keyof typeof PALETTE, keyof typeof PALETTE]> = [
  ['text', 'background'],
  ['muted', 'background'],
  ['text', 'surface'],
  ['muted', 'surface'],
  ['accent', 'background'],
  ['accentText', 'accent'],
  ['text', 'warningBackground'],
  ['text', 'alertBackground'],
  ['text', 'successBackground'],
  ['alertBorder', 'background'],
];

/** Pairs of (indicator, background) for borders, focus rings and controls; each must reach 3:1 (WCAG 1.4.11). */
export const NON_TEXT_COLOUR_PAIRS: ReadonlyArray<readonly [keyof typeof PALETTE, keyof typeof PALETTE]> = [
  ['border', 'background'],
  ['focus', 'background'],
  ['focus', 'surface'],
  ['warningBorder', 'warningBackground'],
  ['alertBorder', 'alertBackground'],
  ['successBorder', 'successBackground'],
];

const p = PALETTE;

/** Mobile first: one column that reads at 375px; wider screens only get more margin. */
export const CONSENT_CSS = `:root {
  color-scheme: light;
}
*,
*::before,
*::after {
  box-sizing: border-box;
}
html {
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: ${p.text};
  background: ${p.background};
  overflow-wrap: anywhere;
}
.site-header,
main,
.site-footer {
  width: 100%;
  max-width: 44rem;
  margin: 0 auto;
  padding: 1rem;
}
.site-header {
  border-bottom: 1px solid ${p.border};
}
.brand {
  margin: 0;
  font-weight: 600;
  color: ${p.muted};
}
.site-footer {
  border-top: 1px solid ${p.border};
  color: ${p.muted};
  font-size: 0.9375rem;
}
.site-footer p {
  margin: 0.25rem 0;
}
h1 {
  font-size: 1.5rem;
  line-height: 1.25;
  margin: 0.5rem 0 1rem;
}
h2 {
  font-size: 1.25rem;
  line-height: 1.3;
  margin: 1.75rem 0 0.5rem;
}
h3 {
  font-size: 1.0625rem;
  margin: 1rem 0 0.25rem;
}
p,
ul,
dl {
  margin: 0.5rem 0;
}
ul {
  padding-left: 1.25rem;
}
a {
  color: ${p.accent};
  text-decoration: underline;
  text-underline-offset: 0.15em;
}
a:hover {
  text-decoration-thickness: 2px;
}
:focus-visible {
  outline: 3px solid ${p.focus};
  outline-offset: 2px;
}
dl {
  display: grid;
  grid-template-columns: 1fr;
  gap: 0 1rem;
}
dt {
  font-weight: 600;
  margin-top: 0.5rem;
}
dd {
  margin: 0;
}
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.9375em;
  background: ${p.surface};
  padding: 0.1em 0.3em;
  border-radius: 3px;
}
.box {
  border: 2px solid ${p.border};
  border-radius: 6px;
  padding: 0.75rem 1rem;
  margin: 1rem 0;
  background: ${p.surface};
}
.box > :first-child {
  margin-top: 0;
}
.box > :last-child {
  margin-bottom: 0;
}
.warning {
  background: ${p.warningBackground};
  border-color: ${p.warningBorder};
  border-left-width: 6px;
}
.alert {
  background: ${p.alertBackground};
  border-color: ${p.alertBorder};
  border-left-width: 6px;
}
.success {
  background: ${p.successBackground};
  border-color: ${p.successBorder};
  border-left-width: 6px;
}
.box-title {
  font-size: 1.0625rem;
  font-weight: 700;
  margin: 0 0 0.25rem;
}
.partner-message {
  margin: 0.5rem 0;
  padding: 0.75rem 1rem;
  border-left: 4px solid ${p.border};
  background: ${p.surface};
  white-space: pre-wrap;
}
.confirm {
  display: flex;
  align-items: flex-start;
  gap: 0.75rem;
  margin: 1rem 0;
}
.confirm input {
  flex: none;
  width: 1.5rem;
  height: 1.5rem;
  margin: 0.1rem 0 0;
  accent-color: ${p.accent};
}
.confirm label {
  font-weight: 600;
}
.actions {
  display: flex;
  flex-direction: column;
  gap: 0.75rem;
  margin: 1rem 0;
}
button {
  font: inherit;
  font-weight: 600;
  min-height: 2.75rem;
  padding: 0.5rem 1.25rem;
  border-radius: 6px;
  border: 2px solid ${p.accent};
  cursor: pointer;
}
.primary {
  background: ${p.accent};
  color: ${p.accentText};
}
.secondary {
  background: ${p.background};
  color: ${p.accent};
}
form {
  margin: 1rem 0;
}
.partner {
  border-top: 1px solid ${p.border};
  margin-top: 1.5rem;
}
.partner > h2 {
  margin-top: 1rem;
}
.muted {
  color: ${p.muted};
}
.portal-nav ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1.25rem;
  list-style: none;
  padding: 0;
  margin: 0.25rem 0;
}
table {
  border-collapse: collapse;
  width: 100%;
  margin: 0.5rem 0;
}
th,
td {
  text-align: left;
  vertical-align: top;
  padding: 0.375rem 0.5rem 0.375rem 0;
  border-bottom: 1px solid ${p.border};
}
label {
  display: block;
  font-weight: 600;
  margin-top: 0.75rem;
}
.confirm label,
.choices label {
  display: inline;
  margin: 0;
}
input[type="text"],
input[type="email"],
input[type="number"],
select,
textarea {
  font: inherit;
  width: 100%;
  max-width: 36rem;
  min-height: 2.75rem;
  padding: 0.375rem 0.5rem;
  border: 1px solid ${p.border};
  border-radius: 4px;
  background: ${p.background};
  color: ${p.text};
}
fieldset {
  border: 1px solid ${p.border};
  border-radius: 6px;
  margin: 1rem 0;
  padding: 0.5rem 1rem 1rem;
}
legend {
  font-weight: 700;
  padding: 0 0.25rem;
}
.choices {
  list-style: none;
  padding: 0;
}
.choices li {
  margin: 0.5rem 0;
}
.field-error {
  color: ${p.alertBorder};
  font-weight: 600;
  margin: 0.25rem 0;
}
.hint {
  margin: 0.125rem 0;
}
@media (min-width: 40rem) {
  h1 {
    font-size: 1.875rem;
  }
  .site-header,
  main,
  .site-footer {
    padding: 1rem 1.5rem;
  }
  dl {
    grid-template-columns: max-content 1fr;
  }
  dt {
    margin-top: 0.25rem;
  }
  dd {
    margin-top: 0.25rem;
  }
  .actions {
    flex-direction: row;
  }
}
@media (forced-colors: active) {
  .box,
  button {
    border-color: CanvasText;
  }
}
`;

/** Where the app serves the stylesheet. */
export const STYLESHEET_PATH = '/static/consent.css';

/** Content hash of the stylesheet: the `?v=` that lets browsers cache it forever and still see every change. */
export const STYLESHEET_HASH = createHash('sha256').update(CONSENT_CSS, 'utf8').digest('base64url').slice(0, 16);

/** The URL pages link to. */
export const STYLESHEET_HREF = `${STYLESHEET_PATH}?v=${STYLESHEET_HASH}`;
