// A @web/test-runner launcher for WebKit: WebKitGTK's MiniBrowser driven by
// WebKitWebDriver (WebDriver classic) on a display of its own (Xvfb). The launcher
// starts both when the run starts and stops them when it ends (or when the process exits).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { findWebKit, installHint } from './browsers.mjs';

const running = new Set();
/** Ends every service's process group (the driver's includes the browser it started). */
function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.once('exit', stopAll);
for (const signal of ['SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    stopAll();
    process.exit(1);
  });
}

/**
 * Starts `command` in a process group of its own, ended when the run stops or this
 * process exits. Its output is dropped, but for stdout when `readOutput` is set.
 */
function service(command, args, { env = {}, readOutput = false } = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', readOutput ? 'pipe' : 'ignore', 'ignore'],
    detached: true,
  });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => running.delete(child));
  return {
    child,
    exited,
    async stop() {
      if (!running.has(child)) return;
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Starts Xvfb on a free display number; resolves with the display (":N") and the service. */
async function startXvfb(xvfb) {
  const server = service(xvfb, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    readOutput: true,
  });
  let printed = '';
  const display = await new Promise((resolve, reject) => {
    server.child.stdout.on('data', (chunk) => {
      printed += chunk;
      if (printed.includes('\n')) resolve(`:${printed.trim()}`);
    });
    server.exited.then((code) => reject(new Error(`Xvfb exited (${code}) before it gave a display`)));
  });
  return { display, server };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Resolves once the driver answers /status; rejects when it exits first or stays silent for a minute. */
async function driverReady(port, driver) {
  let exited = false;
  driver.exited.then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error('WebKitWebDriver exited before it was ready');
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port}`);
    try {
      const status = await fetch(`http://127.0.0.1:${port}/status`);
      if (status.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

class WebKitLauncher extends WebdriverLauncher {
  #services = [];

  async initialize(config, testFiles) {
    const webkit = findWebKit();
    if (!webkit) throw new Error(installHint('webkit'));
    const { display, server } = await startXvfb(webkit.xvfb);
    this.#services.push(server);
    const port = await freePort();
    const driver = service(webkit.driver, [`--port=${port}`], { env: { DISPLAY: display } });
    this.#services.push(driver);
    await driverReady(port, driver);
    Object.assign(this.options, {
      hostname: '127.0.0.1',
      port,
      path: '/',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitGTK 2.50 refuses webdriverio's default request for a BiDi socket.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: webkit.miniBrowser, args: ['--automation'] },
      },
    });
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    for (const started of this.#services.reverse()) await started.stop();
    this.#services = [];
  }
}

/** The WebKit launcher; Xvfb and WebKitWebDriver start with the run. */
export function webkitLauncher() {
  return new WebKitLauncher({ capabilities: {} });
}
