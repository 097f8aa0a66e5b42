import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 900 } });
await p.goto('http://127.0.0.1:3112/members/USA?lang=ar'); await p.waitForTimeout(2500);
console.log(await p.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body, body *')) { if (el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflowX !== 'auto' && getComputedStyle(el).overflowX !== 'scroll') out.push(`${el.tagName}.${el.className.toString().slice(0,50)} sw=${el.scrollWidth} cw=${el.clientWidth} ox=${getComputedStyle(el).overflowX}`); }
  return out.slice(0, 20).join('\n');
}));
await b.close();
