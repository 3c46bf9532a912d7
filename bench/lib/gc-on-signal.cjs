// Preloaded into the language server by the memory benchmark only (node
// --expose-gc -r this file): SIGUSR2 runs a full garbage collection, so the
// benchmark can tell memory still held by the server (a leak) from memory V8
// has freed but not yet returned to the system. Nothing in the server changes.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
});
