// 研習資訊訂閱 as a teacher meets it (issue 11): 周怡君 searches for a keyword in 桃園市 and presses
// 「訂閱此搜尋」; the reviewer then approves a matching course on its review page; the next run of
// the daily digest (the scheduler's pass) mails her the course, and the mail's link unsubscribes
// her without logging in. Screenshots at 1280 and 390 px are kept in var/test/screenshots.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
  DESKTOP, PHONE, ROOT, TEST_VAR, assert, assertEqual, clickAndWait, flashText, horizontalOverflow, launch,
  login, mailFiles, newContext, pathOf, run, screenshot, sql, test, waitForMail, watch, nidWhere,
} from './lib.mjs';

const TEACHER = 'H223456788';  // 周怡君, 內壢國中, h223@example.edu.tw; no subscription in the demo
const EMAIL = 'h223@example.edu.tw';
const stamp = new Date().toISOString().replace(/\D/g, '').slice(4, 14);
const KEYWORD = `訂閱旅程${stamp}`;
const CODE = `59${stamp.slice(-5)}`;

// An unconfirmed copy of the demo's 5600001 (內壢國中, 桃園市) under CODE, waiting for `reviewer`.
function registerCourse() {
  const columns = (table, skip) => sql(`SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM
    information_schema.columns WHERE table_schema = DATABASE() AND table_name = '${table}'
    AND column_name NOT IN (${skip.map((c) => `'${c}'`).join(', ')})`);
  const course = columns('course', ['id', 'code', 'title', 'state', 'seats_taken', 'created_at', 'updated_at']);
  sql(`INSERT INTO course (code, title, state, ${course}) SELECT '${CODE}', '${KEYWORD}閱讀工作坊', 'unconfirmed',
    ${course} FROM course WHERE code = '5600001'`);
  const session = columns('course_session', ['id', 'course_id']);
  sql(`INSERT INTO course_session (course_id, ${session}) SELECT (SELECT id FROM course WHERE code = '${CODE}'),
    ${session} FROM course_session WHERE course_id = (SELECT id FROM course WHERE code = '5600001')`);
}

function retireCourse() {
  sql(`UPDATE course SET state = 'deleted' WHERE code = '${CODE}'`);
  sql(`DELETE s FROM course_search s JOIN course c ON c.id = s.course_id WHERE c.code = '${CODE}'`);
  sql('UPDATE search_generation SET value = value + 1 WHERE id = 1');
}

// One scheduler pass with the digest's hour at midnight, as tomorrow morning's would run.
function digestPass() {
  sql(`DELETE d FROM subscription_digest d JOIN teacher t ON t.id = d.teacher_id WHERE ${nidWhere(TEACHER, 't')}`);
  const conf = fs.readFileSync(path.join(TEST_VAR, 'portal.conf'), 'utf8')
    .split('\n').filter((l) => !l.startsWith('digest_hour=')).join('\n');
  const mine = path.join(TEST_VAR, 'digest-browser.conf');
  fs.writeFileSync(mine, `${conf}\ndigest_hour=0\n`);
  execFileSync(path.join(ROOT, 'build', 'portal-tool'), ['scheduler', '--once', '--config', mine]);
}

async function fits(page, name, shots) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `${name}: no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
  shots.push(await screenshot(page, name));
}

test('a teacher subscribes to a search and the next digest mails the newly approved course', async (s) => {
  const shots = [];
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, TEACHER);
  await page.goto(`/courses?q=${encodeURIComponent(KEYWORD)}&county=3`);
  await clickAndWait(page, page.getByRole('button', { name: '訂閱此搜尋' }));
  assertEqual(pathOf(page), '/teacher/subscriptions', 'the teacher lands on her subscriptions');
  assert((await flashText(page)).includes(`關鍵字「${KEYWORD}」、桃園市`), 'the flash says what she follows');
  await fits(page, 'subscriptions-desktop', shots);

  registerCourse();
  const reviewer = await newContext(s.browser, DESKTOP);
  const review = await reviewer.newPage();
  await login(review, 'reviewer');
  await review.goto(`/review/courses/${CODE}`);
  await clickAndWait(review, review.locator('#approve'));
  assert((await flashText(review)).length > 0, 'the reviewer is told the course was approved');
  await reviewer.close();

  const before = new Set(mailFiles());
  digestPass();
  const [mail] = await waitForMail((m) => m.to.includes(EMAIL) && m.subject.includes('研習資訊訂閱') &&
    m.body.includes(CODE), { before });
  assert(mail.body.includes(`/courses/${CODE}`), 'the mail links the course');
  const link = mail.body.match(/取消所有訂閱（不需登入）：(\S+)/)[1];

  const stranger = await newContext(s.browser, PHONE);
  const phone = await stranger.newPage();
  await phone.goto(new URL(link).pathname);
  assert((await phone.locator('main').innerText()).includes(`關鍵字「${KEYWORD}」`), 'the link names the search');
  await fits(phone, 'unsubscribe-phone', shots);
  await clickAndWait(phone, phone.getByRole('button', { name: '取消所有訂閱' }));
  assert((await phone.locator('main').innerText()).includes('已取消 1 個訂閱'), 'unsubscribed');
  await fits(phone, 'unsubscribed-phone', shots);
  await stranger.close();

  await page.goto('/teacher/subscriptions');
  assert((await page.locator('main').innerText()).includes('您還沒有訂閱'), 'nothing left to follow');
  const phoneView = await newContext(s.browser, PHONE);
  const small = await phoneView.newPage();
  await login(small, TEACHER);
  await small.goto(`/courses?q=${encodeURIComponent(KEYWORD)}&county=3`);
  await fits(small, 'subscribe-search-phone', shots);
  await small.goto('/teacher/subscriptions');
  await fits(small, 'subscriptions-phone', shots);
  await phoneView.close();
  for (const f of shots) console.log(`# screenshot ${f}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => {
    retireCourse();
    sql(`DELETE sub FROM subscription sub JOIN teacher t ON t.id = sub.teacher_id WHERE ${nidWhere(TEACHER, 't')}`);
    await s.browser.close();
  },
});
