// How Chromium is launched for end-to-end tests and the benchmark: Debian's
// Chromium with the flags verified on these machines (see the toolchain notes).
// Without the network flags Chromium keeps trying to reach outside hosts.

export const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  chromiumSandbox: false,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
