// Preloaded into the language server by the memory benchmark only (node
// --expose-gc -r this file): SIGUSR2 runs a full garbage collection and writes
// process.memoryUsage() (numbers only) to $IMR_BENCH_MEMFILE, so the benchmark
// can tell memory the server still holds (a leak) from memory V8 has freed but
// not returned to the system. Nothing in the server changes.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const file = process.env.IMR_BENCH_MEMFILE;
  if (file) require('fs').writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
