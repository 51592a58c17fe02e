// The one look every element shares, as CSS over the colour tokens of
// theme.js (`--patsel-*`, set by host-theme.js's sheet): text and links,
// headings, buttons (default, `.primary`, `.quiet`), form fields, chips,
// tier badges with their icon, panels, the focus ring, the error box.
// An element's own `static css` comes after this and only lays out.
//
// Classes an element (or a new one) uses:
//   <button>                      secondary action (bordered)
//   <button class="primary">      the main action of a view
//   <button class="quiet">        small, link-like action ("Show all 12", "Change")
//   <a href>                      the host's link colour, a thin underline
//   .chip                         a pill: a chosen pattern, a filter
//   .panel                        a bordered box on the surface colour
//   .muted                        secondary text (still 4.5:1)
//   .visually-hidden              for screen readers only
//   [data-tier=gold|silver|bronze|unclassified]  sets --accent and --tint
//   tierBadge(tier) (tiers.js)    the tier's colour, icon and word

export const baseCss = `
:host { display: block; color: var(--patsel-text); font: inherit; line-height: 1.5;
  --patsel-radius: 4px; --patsel-space: .75rem;
  --patsel-font-mono: var(--md-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  /* older names, still honoured */
  --patsel-border-color: var(--patsel-border); --patsel-focus-color: var(--patsel-focus);
  --patsel-input-background: var(--patsel-field-background); --patsel-error-color: var(--patsel-danger); }
:host([hidden]) { display: none; }

a { color: var(--patsel-link); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: .18em;
  text-decoration-color: color-mix(in srgb, currentColor 40%, transparent); }
a:hover { text-decoration-color: currentColor; }

h2, h3, h4, h5, h6 { color: var(--patsel-text); font-weight: 700; line-height: 1.3; margin: 0 0 .5rem; letter-spacing: normal; }
h2 { font-size: 1.25em; } h3 { font-size: 1.1em; } h4 { font-size: 1em; } h5, h6 { font-size: .95em; }

button { font: inherit; font-size: .95em; line-height: 1.3; cursor: pointer; border-radius: var(--patsel-radius);
  border: 1px solid var(--patsel-field-border); background: var(--patsel-surface); color: var(--patsel-text);
  padding: .35rem .8rem; min-height: 2rem; }
button:hover:not(:disabled) { border-color: var(--patsel-link); }
button.primary { background: var(--patsel-primary); border-color: var(--patsel-primary); color: var(--patsel-on-primary); font-weight: 600; }
button.primary:hover:not(:disabled) { border-color: var(--patsel-text); }
button.quiet { background: transparent; border-color: transparent; color: var(--patsel-link); padding: .15rem .35rem; min-height: 0;
  text-decoration: underline; text-decoration-color: color-mix(in srgb, currentColor 40%, transparent); text-underline-offset: .18em; }
button.quiet:hover:not(:disabled) { text-decoration-color: currentColor; border-color: transparent; }
button:disabled { cursor: not-allowed; opacity: .55; }

input, select, textarea { font: inherit; color: var(--patsel-text); background: var(--patsel-field-background);
  border: 1px solid var(--patsel-field-border); border-radius: var(--patsel-radius); padding: .3rem .45rem; }
input[type=checkbox], input[type=radio] { accent-color: var(--patsel-primary); }
select option, select optgroup { color: var(--patsel-text); background: var(--patsel-field-background); }
::placeholder { color: var(--patsel-text-muted); opacity: 1; }
fieldset { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); }
legend { font-weight: 600; }
summary { cursor: pointer; }

.chip { display: inline-flex; align-items: center; gap: .35rem; border: 1px solid var(--patsel-border); border-radius: 999px;
  background: var(--patsel-surface); color: var(--patsel-text); padding: .1rem .6rem; font-size: .92em; line-height: 1.4; }
.panel { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); background: var(--patsel-surface); padding: var(--patsel-space); }
.muted, .hint { color: var(--patsel-text-muted); }
mark { background: var(--patsel-mark-background); color: var(--patsel-mark-color); border-radius: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible,
[tabindex]:focus-visible { outline: 2px solid var(--patsel-focus); outline-offset: 2px; }

[part~=error] { border: 1px solid var(--patsel-danger); border-left-width: 4px; border-radius: var(--patsel-radius); padding: .75rem; }
[part~=error] p { margin: 0 0 .5rem; }

[data-tier=gold] { --accent: var(--patsel-gold); --tint: var(--patsel-gold-bg); }
[data-tier=silver] { --accent: var(--patsel-silver); --tint: var(--patsel-silver-bg); }
[data-tier=bronze] { --accent: var(--patsel-bronze); --tint: var(--patsel-bronze-bg); }
[data-tier=unclassified] { --accent: var(--patsel-text-muted); --tint: transparent; }
[part~=badge] { display: inline-flex; align-items: center; gap: .25em; font-size: .78em; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; line-height: 1.3; padding: .05rem .5rem .05rem .4rem; border-radius: 999px; border: 1px solid var(--accent);
  color: var(--accent); background: var(--tint); white-space: nowrap; vertical-align: middle; }
.tier-icon { width: 1em; height: 1em; flex: none; fill: currentColor; }
`;
