// Preloaded by scripts/bench.mjs: reports the process's peak resident memory on exit, on stderr.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
