// 公佈欄 and 下載專區 as the administrator keeps them (issue 11): on a desktop the administrator
// writes a post and uploads a PDF through the forms; a visitor finds both (the post on the home
// page, its own page and the list; the file on 下載專區, served as an attachment); then the
// administrator deletes both again. On a phone the same public pages and the forms fit the
// screen. Screenshots are kept in var/test/screenshots.
import {
  DESKTOP, PHONE, assert, assertEqual, clickAndWait, flashText, horizontalOverflow, launch, login, logout,
  newContext, pathOf, run, screenshot, taipeiDate, test, watch,
} from './lib.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function fits(page, name, shots) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `${name}: no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
  shots.push(await screenshot(page, name));
}

test('the administrator posts a bulletin and uploads a file; a visitor finds both', async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  const shots = [];
  const title = `瀏覽器測試公告 ${Date.now()}`;
  const fileTitle = `瀏覽器測試手冊 ${Date.now()}`;
  await login(page, 'admin');
  await page.goto('/admin');
  await clickAndWait(page, page.locator('main').getByRole('link', { name: '公佈欄管理' }));
  await clickAndWait(page, page.getByRole('link', { name: '新增公告' }));
  await page.getByLabel('標題').fill(title);
  await page.getByLabel('內容').fill('本學期研習報名方式說明。\n\n詳見 https://example.tw/manual');
  await page.getByLabel('公告時間').fill(`${taipeiDate(-1)}T09:00`);
  await page.getByLabel('置頂').check();
  await fits(page, 'bulletin-form-desktop', shots);
  await clickAndWait(page, page.getByRole('button', { name: '儲存公告' }));
  assertEqual(pathOf(page), '/admin/bulletin', 'back on the list');
  assert((await flashText(page)).includes(title), 'the flash names the post');
  assert((await page.locator('main').innerText()).includes('公告中'), 'the new post is current');

  await page.goto('/admin/downloads');
  await page.getByLabel('檔案名稱').fill(fileTitle);
  await page.getByLabel('分類').selectOption('manual');
  await page.setInputFiles('#file', { name: '研習手冊.pdf', mimeType: 'application/pdf', buffer: PDF });
  await clickAndWait(page, page.getByRole('button', { name: '上傳' }));
  assert((await flashText(page)).includes(fileTitle), 'the flash names the file');
  await fits(page, 'downloads-admin-desktop', shots);
  await logout(page);

  const home = await page.locator('main').innerText();
  assert(home.includes(title), 'the home page shows the post');
  await clickAndWait(page, page.locator('main').getByRole('link', { name: title }));
  assertEqual(await page.locator('h1').innerText(), title, 'the post has its own page');
  assertEqual(await page.locator('.post-body a').getAttribute('href'), 'https://example.tw/manual', 'the address is a link');
  await fits(page, 'bulletin-post-desktop', shots);
  await page.goto('/bulletin');
  assert((await page.locator('main').innerText()).includes(title), 'the list shows the post');
  await fits(page, 'bulletin-list-desktop', shots);

  await page.locator('header nav').getByRole('link', { name: '下載專區' }).click();
  await page.waitForLoadState('load');
  const link = page.locator('main').getByRole('link', { name: fileTitle });
  assert(await link.count() === 1, '下載專區 lists the file');
  const answer = await page.request.get(await link.getAttribute('href'));
  assertEqual(answer.status(), 200, 'the file is served');
  assert(answer.headers()['content-disposition'].startsWith('attachment;'), 'as an attachment');
  assertEqual(Buffer.compare(await answer.body(), PDF), 0, 'byte for byte');
  await fits(page, 'downloads-desktop', shots);

  // The administrator removes both again, from the same pages.
  await login(page, 'admin');
  await page.goto('/admin/bulletin');
  await clickAndWait(page, page.getByRole('link', { name: title }));
  await clickAndWait(page, page.getByRole('button', { name: '刪除此公告' }));
  assert((await flashText(page)).includes('已刪除'), 'the post is deleted');
  await page.goto('/admin/downloads');
  await clickAndWait(page, page.locator('tr', { hasText: fileTitle }).getByRole('button', { name: '刪除' }));
  assert((await flashText(page)).includes('已刪除'), 'the file is deleted');
  await logout(page);
  assert(!(await page.locator('main').innerText()).includes(title), 'the post is gone from the home page');
  for (const f of shots) console.log(`# screenshot ${f}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

test('公佈欄, 問答集 and 下載專區 at 390 px: no horizontal scrolling', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  const problems = watch(page);
  const shots = [];
  for (const [path, name] of [['/bulletin', 'bulletin-list'], ['/faq?q=報名', 'faq'], ['/downloads', 'downloads']]) {
    await page.goto(path);
    await fits(page, `${name}-phone`, shots);
  }
  await page.goto('/bulletin');
  await clickAndWait(page, page.locator('main ul.bulletins a').first());
  await fits(page, 'bulletin-post-phone', shots);
  await login(page, 'admin');
  await page.goto('/admin/bulletin/new');
  await fits(page, 'bulletin-form-phone', shots);
  await page.goto('/admin/downloads');
  await fits(page, 'downloads-admin-phone', shots);
  for (const f of shots) console.log(`# screenshot ${f}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { await s.browser.close(); },
});
