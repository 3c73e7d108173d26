/**
 * What the entry of a user-file bundle imports besides the files (user-bundle.ts writes that entry):
 * the loader that turns the files into a catalogue and the runMain the adapters call. Not part of
 * the public API (api.ts); built beside it so both share one copy of the harness.
 */
export { loadUserFiles, runMain, userMain } from '@asyncbench/harness';
