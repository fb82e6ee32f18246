/**
 * Styles of the overlay. Everything lives in shadow roots except the `::highlight()` rules,
 * which must be in the page's own style scope to paint ranges of the editor's text: they are
 * added as a constructed sheet (document.adoptedStyleSheets), so no node is inserted into the page.
 */

/** Colours by severity, light and dark. Checked for ≥ 3:1 contrast against white / #1f1f1f. */
export const SEVERITY_COLORS = {
  light: { error: '#c5221f', warning: '#b06000', info: '#1a73e8' },
  dark: { error: '#f28b82', warning: '#fdd663', info: '#8ab4f8' },
} as const;

export const HIGHLIGHT_NAMES = {
  error: 'nemawashi-error',
  warning: 'nemawashi-warning',
  info: 'nemawashi-info',
  active: 'nemawashi-active',
} as const;

export const DOCUMENT_HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.error}) { text-decoration: underline wavy ${SEVERITY_COLORS.light.error}; text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(${HIGHLIGHT_NAMES.warning}) { text-decoration: underline wavy ${SEVERITY_COLORS.light.warning}; text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(${HIGHLIGHT_NAMES.info}) { text-decoration: underline dotted ${SEVERITY_COLORS.light.info}; text-decoration-thickness: 2px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(${HIGHLIGHT_NAMES.active}) { background-color: rgba(26, 115, 232, 0.18); }
@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAMES.error}) { text-decoration-color: ${SEVERITY_COLORS.dark.error}; }
  ::highlight(${HIGHLIGHT_NAMES.warning}) { text-decoration-color: ${SEVERITY_COLORS.dark.warning}; }
  ::highlight(${HIGHLIGHT_NAMES.info}) { text-decoration-color: ${SEVERITY_COLORS.dark.info}; }
  ::highlight(${HIGHLIGHT_NAMES.active}) { background-color: rgba(138, 180, 248, 0.25); }
}
`;

export const palette = `
  --nmw-bg: #ffffff; --nmw-fg: #1f1f1f; --nmw-muted: #5f6368; --nmw-border: #dadce0;
  --nmw-accent: #1a73e8; --nmw-accent-fg: #ffffff; --nmw-hover: #f1f3f4;
  --nmw-error: ${SEVERITY_COLORS.light.error}; --nmw-warning: ${SEVERITY_COLORS.light.warning}; --nmw-info: ${SEVERITY_COLORS.light.info};
  --nmw-shadow: 0 4px 16px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12);
`;
export const darkPalette = `
  --nmw-bg: #2d2e30; --nmw-fg: #e8eaed; --nmw-muted: #bdc1c6; --nmw-border: #5f6368;
  --nmw-accent: #8ab4f8; --nmw-accent-fg: #202124; --nmw-hover: #3c4043;
  --nmw-error: ${SEVERITY_COLORS.dark.error}; --nmw-warning: ${SEVERITY_COLORS.dark.warning}; --nmw-info: ${SEVERITY_COLORS.dark.info};
  --nmw-shadow: 0 4px 16px rgba(0,0,0,.5);
`;

export const font = `font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans JP", sans-serif;`;

/** The overlay root: underline boxes (fallback), the textarea mirrors and the card. */
export const OVERLAY_CSS = `
:host { all: initial; position: fixed !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important;
  overflow: visible !important; z-index: 2147483646 !important; pointer-events: none !important; ${palette} }
@media (prefers-color-scheme: dark) { :host { ${darkPalette} } }
.clip { position: fixed; overflow: hidden; pointer-events: none; }
.box { position: absolute; pointer-events: none; border-bottom: 2px solid var(--nmw-warning); box-sizing: border-box; }
.box.error { border-bottom: 2px solid var(--nmw-error); }
.box.warning { border-bottom: 2px solid var(--nmw-warning); }
.box.info { border-bottom: 2px dotted var(--nmw-info); }
.box.active { background: rgba(26,115,232,.16); }
.mirror { position: fixed; visibility: hidden; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; pointer-events: none; }
.card { position: fixed; pointer-events: auto; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px);
  background: var(--nmw-bg); color: var(--nmw-fg); border: 1px solid var(--nmw-border); border-radius: 8px;
  box-shadow: var(--nmw-shadow); padding: 12px 14px 10px; ${font} text-align: start; }
.card[hidden] { display: none; }
.card:focus-within { outline: none; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.sev { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.sev.error { color: var(--nmw-error); } .sev.warning { color: var(--nmw-warning); } .sev.info { color: var(--nmw-info); }
.rule { color: var(--nmw-muted); font-size: 11px; flex: 1; }
.x { all: unset; cursor: pointer; color: var(--nmw-muted); width: 20px; height: 20px; text-align: center; border-radius: 4px; line-height: 20px; }
.x:hover, .x:focus-visible { background: var(--nmw-hover); outline: 2px solid var(--nmw-accent); }
.message { font-weight: 600; margin: 0 0 6px; }
.label { color: var(--nmw-muted); font-size: 11px; font-weight: 600; margin: 8px 0 2px; }
.why, .suggestion { margin: 0; }
.replacement { font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
button.act { ${font} cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid var(--nmw-border); background: transparent; color: var(--nmw-fg); }
button.act:hover { background: var(--nmw-hover); }
button.act:focus-visible { outline: 2px solid var(--nmw-fg); outline-offset: 2px; }
button.act.primary { background: var(--nmw-accent); color: var(--nmw-accent-fg); border-color: var(--nmw-accent); }
.hint { color: var(--nmw-muted); font-size: 11px; margin-top: 8px; }
.status { color: var(--nmw-muted); font-size: 11px; margin-top: 6px; }
.status:empty { display: none; }
`;

/** The per-compose `<nemawashi-badge>`: a round button and the list of findings. */
export const BADGE_CSS = `
:host { all: initial; position: fixed !important; z-index: 2147483645 !important; ${palette} }
:host([hidden]) { display: none !important; }
@media (prefers-color-scheme: dark) { :host { ${darkPalette} } }
.pill { all: unset; box-sizing: border-box; cursor: pointer; min-width: 26px; height: 26px; padding: 0 8px; border-radius: 13px;
  display: inline-flex; align-items: center; justify-content: center; gap: 4px; ${font} font-weight: 700; font-size: 12px;
  background: var(--nmw-bg); color: var(--nmw-fg); border: 2px solid var(--nmw-border); box-shadow: var(--nmw-shadow); }
.pill:focus-visible { outline: 2px solid var(--nmw-accent); outline-offset: 2px; }
:host([data-max-severity="error"]) .pill { border-color: var(--nmw-error); color: var(--nmw-error); }
:host([data-max-severity="warning"]) .pill { border-color: var(--nmw-warning); color: var(--nmw-warning); }
:host([data-max-severity="info"]) .pill { border-color: var(--nmw-info); color: var(--nmw-info); }
:host([data-paused]) .pill { opacity: .6; }
.mark { font-size: 11px; font-weight: 600; }
.pill[data-asks] { position: relative; }
.pill .ask { position: absolute; top: -4px; right: -4px; min-width: 12px; height: 12px; border-radius: 6px; background: var(--nmw-accent); color: var(--nmw-accent-fg); font-size: 9px; line-height: 12px; text-align: center; font-weight: 700; }
.names { padding: 6px 8px; border: 1px solid var(--nmw-accent); border-radius: 6px; margin-bottom: 8px; }
.names .name-row { display: flex; align-items: center; gap: 6px; margin: 4px 0; }
.names .name { flex: 1; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.names .hint { color: var(--nmw-muted); font-size: 11px; margin: 4px 0 0; }
.panel { position: absolute; right: 0; bottom: 34px; width: 360px; max-width: calc(100vw - 16px); max-height: min(420px, calc(100vh - 60px));
  overflow: auto; box-sizing: border-box; background: var(--nmw-bg); color: var(--nmw-fg); border: 1px solid var(--nmw-border);
  border-radius: 8px; box-shadow: var(--nmw-shadow); padding: 10px 12px; ${font} text-align: start; }
.panel[hidden] { display: none; }
:host([data-below]) .panel { bottom: auto; top: 34px; }
h2 { font-size: 13px; margin: 0 0 6px; }
.audience { display: grid; grid-template-columns: 1fr auto; align-items: center; column-gap: 8px; padding: 6px 8px; border-radius: 6px; background: var(--nmw-hover); margin-bottom: 8px; }
.audience .who { font-weight: 600; grid-column: 1; }
.audience .src { color: var(--nmw-muted); font-size: 11px; grid-column: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.audience .change { grid-column: 2; grid-row: 1 / span 2; }
.language { display: inline-block; margin: -2px 0 8px; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--nmw-muted); color: var(--nmw-muted); font-size: 11px; }
form.picker { display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; align-items: center; margin: 0 0 8px; padding: 8px; border: 1px solid var(--nmw-border); border-radius: 6px; }
form.picker[hidden] { display: none; }
form.picker .row { grid-column: 1 / -1; display: flex; gap: 12px; }
form.picker .buttons { grid-column: 1 / -1; display: flex; gap: 6px; justify-content: flex-end; }
select, input { ${font} color: var(--nmw-fg); background: var(--nmw-bg); border: 1px solid var(--nmw-border); border-radius: 4px; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0; border-top: 1px solid var(--nmw-border); }
li:first-child { border-top: none; }
.item { all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; padding: 6px 4px; border-radius: 4px; }
.item:hover { background: var(--nmw-hover); }
.item:focus-visible { outline: 2px solid var(--nmw-accent); }
.item .line { display: flex; gap: 6px; align-items: baseline; }
.dot { width: 8px; height: 8px; border-radius: 50%; flex: none; display: inline-block; background: var(--nmw-info); }
.dot.error { background: var(--nmw-error); } .dot.warning { background: var(--nmw-warning); }
.item .msg { font-weight: 600; }
.item .where { color: var(--nmw-muted); font-size: 11px; margin-left: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.details { margin: 2px 0 6px 14px; }
.details[hidden] { display: none; }
.details p { margin: 2px 0; }
.details .label { color: var(--nmw-muted); font-size: 11px; font-weight: 600; }
.empty { color: var(--nmw-muted); margin: 4px 0; }
button.act { ${font} cursor: pointer; border-radius: 6px; padding: 3px 9px; border: 1px solid var(--nmw-border); background: transparent; color: var(--nmw-fg); }
button.act:hover { background: var(--nmw-hover); }
button.act:focus-visible { outline: 2px solid var(--nmw-fg); outline-offset: 2px; }
button.act.primary { background: var(--nmw-accent); color: var(--nmw-accent-fg); border-color: var(--nmw-accent); }
`;
