import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 900 } });
await p.goto('http://127.0.0.1:3112/members/USA?lang=ar'); await p.waitForTimeout(2500);
console.log(await p.evaluate(() => {
  const r = [document.documentElement.scrollWidth];
  const sc = document.querySelector('.mantine-TableScrollContainer-scrollContainer');
  r.push(sc ? `${getComputedStyle(sc).overflowX} ${sc.clientWidth} ${sc.scrollWidth} ${JSON.stringify(sc.getBoundingClientRect())}` : 'no sc');
  if (sc) sc.remove();
  r.push(document.documentElement.scrollWidth);
  return r.join('\n');
}));
await b.close();
