// Preloaded by the benchmarks: reports the process's peak resident memory and
// its CPU time (every thread's, user plus system) on exit, on stderr.
process.on('exit', () => {
  const use = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${use.maxRSS}\nBENCH_CPU_US=${use.userCPUTime + use.systemCPUTime}\n`);
});
