import { chromium } from 'playwright-core';
const [,, base, out, ...paths] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
for (const w of [1280, 390]) {
  const p = await b.newPage({ viewport: { width: w, height: 900 } });
  p.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  for (const path of paths) {
    await p.goto(base + path); await p.waitForTimeout(1200);
    const name = `${out}/${path.replace(/[^a-z0-9]+/gi, '_')}_${w}.png`;
    await p.screenshot({ path: name, fullPage: false });
    console.log(name, await p.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir} | ${document.querySelector('h1')?.textContent}`));
  }
}
await b.close();
