import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 900 } });
await p.goto('http://127.0.0.1:3112/members/USA?lang=ar'); await p.waitForTimeout(2500);
console.log(await p.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > 392 || r.left < -2) out.push(`${el.tagName}.${el.className.toString().slice(0,60)} ${Math.round(r.left)}..${Math.round(r.right)}`); }
  return document.documentElement.scrollWidth + '\n' + out.slice(0, 15).join('\n');
}));
await b.close();
