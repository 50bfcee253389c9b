// What every bench records of one piece of work: its wall time, the CPU time this process
// spent (user + system; on a busy machine it moves less than the wall time), and the
// process's peak resident memory, sampled every 5 ms while it runs.

export const MB = 1024 * 1024;

/** Runs `work` while sampling resident memory every 5 ms. */
export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; peakRssMb: number; result: T }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: Math.max(peak, process.memoryUsage.rss()) / MB,
    result,
  };
}
