// Child processes started in their own process group (chromedriver with its Chromium, devkit serve
// with whatever it starts), so one kill of the group stops them all; whatever is still running is
// killed if this test process exits or is stopped.

export const running = new Set();

/** Sends `signal` to the child's whole process group. */
export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    for (const child of running) killGroup(child, "SIGKILL");
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  });
}
