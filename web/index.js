// The JS API as the elements import it: `../index.js` from web/elements/.
// In dist/ (and the npm package) the API itself sits at this place
// (dist/index.js next to dist/elements/); in the source tree this file
// stands in for it, so the elements run from web/ as they are, with the
// same import path. scripts/assemble.mjs does not copy it.
export * from '../wasm/index.js';
