// End-to-end test of the Content-Security-Policy in index.html: it forbids
// inline script, eval and every other origin, and it is enforced. The whole
// suite runs under it and fails on any console error, so a violation by the
// app itself fails every test that meets it.
// Run: node --test tests/e2e/
import { e2e, assert, sel, expectVisible } from './harness.mjs';

e2e(
  'the Content-Security-Policy forbids inline script, eval and other origins, and is enforced',
  // The refusals this test provokes on purpose.
  { allowConsole: [/Content Security Policy/] },
  async ({ page, open }) => {
    await open();
    await expectVisible(page.locator(sel('editor')));
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(directives['default-src'], ["'self'"]);
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'wasm only, no inline script, no eval');
    assert.deepEqual(directives['style-src'], ["'self'"], 'no inline styles');
    assert.deepEqual(directives['connect-src'], ["'self'"], 'no other origin');
    assert.deepEqual(directives['object-src'], ["'none'"]);
    const everything = Object.values(directives).flat();
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) {
      assert.ok(!everything.includes(loose), `${loose} is not allowed anywhere`);
    }

    // Enforced (DevTools' own evaluation is exempt from the policy, so eval
    // cannot be tried from here): an injected inline script does not run.
    const injected = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.__injected = false;
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.head.append(script);
          setTimeout(() => resolve(window.__injected), 200);
        }),
    );
    assert.equal(injected, false, 'inline script is refused');
  },
);
