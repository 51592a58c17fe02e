// The explorer's opening answers as the source tree has them: none.
// scripts/assemble.mjs computes them from the shipped catalog and writes
// this module's place in dist/; an explorer run from web/ (this null)
// waits for the engine instead.
export default null;
