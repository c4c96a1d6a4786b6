// Enrolment as people do it by hand: a teacher applies from the course page (報名); the
// organizer sees the applicant's light in 報名資格審核 and approves; the teacher reads 審核通過 on
// the homepage; on a full course the teacher joins the waiting list (候補), and when the teacher
// holding the seat cancels, the first waiting one takes it and is e-mailed. Desktop and phone
// screenshots of each page are kept.
import {
  DESKTOP, PHONE, assert, assertEqual, clickAndWait, flashText, launch, login, mailFiles,
  newContext, pathOf, run, screenshot, sql, test, waitForMail, watch, nidWhere,
} from './lib.mjs';

const APPLICANT = 'H223456788';  // 周怡君, 在職 at 內壢國中, no applications in the demo
const SEAT_HOLDER = 'B223456782';  // 李美玲, holds the one seat of 5600013
const OPEN_COURSE = '5600001';   // reviewed by the organizer
const FULL_COURSE = '5600013';   // 自動審核, one seat

// The demo's state of both courses, so the journey can be run again on the same stack.
function resetDemo() {
  const applicant = sql(`SELECT id FROM teacher WHERE ${nidWhere('H223456788')}`);
  sql(`DELETE FROM enrolment WHERE teacher_id = ${Number(applicant)} AND course_id IN (1, 13)`);
  sql("UPDATE enrolment SET status = 'approved', cancelled_at = NULL WHERE course_id = 13 AND teacher_id = 2");
  sql("UPDATE course c SET seats_taken = (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id" +
      " AND e.status IN ('pending', 'approved')) WHERE c.id IN (1, 13)");
}

async function shoot(page, name) {
  console.log(`# screenshot ${await screenshot(page, name)}`);
}

test('a teacher applies, the organizer approves, the teacher reads 審核通過', async (s) => {
  resetDemo();
  const teacher = await (await newContext(s.browser, DESKTOP)).newPage();
  const problems = watch(teacher);
  await login(teacher, APPLICANT);
  await teacher.goto(`/courses/${OPEN_COURSE}`);
  const box = teacher.locator('.enrolment-box');
  assert(await box.isVisible(), 'the course page has an enrolment box');
  await shoot(teacher, 'enrolment-1-course-desktop');
  await clickAndWait(teacher, box.getByRole('button', { name: '報名' }));
  assertEqual(await teacher.locator('[data-enrolment-status]').getAttribute('data-enrolment-status'), 'pending',
    'the answer says 待審核');
  await shoot(teacher, 'enrolment-2-answer-desktop');

  const organizer = await (await newContext(s.browser, DESKTOP)).newPage();
  await login(organizer, 'organizer');
  await organizer.goto(`/office/courses/${OPEN_COURSE}`);
  await clickAndWait(organizer, organizer.getByRole('link', { name: '報名資格審核' }));
  const row = organizer.locator('tr', { hasText: '周怡君' });
  assertEqual(await row.locator('[data-light]').getAttribute('data-light'), 'green', "the applicant's light");
  await row.locator('input[name=enrolment]').check();
  await organizer.locator('input[name=decision][value=approve]').check();
  await shoot(organizer, 'enrolment-3-review-desktop');
  await clickAndWait(organizer, organizer.getByRole('button', { name: '送出審核' }));
  assert((await flashText(organizer)).includes('已審核通過 1 位'), `flash: ${await flashText(organizer)}`);

  await teacher.goto('/teacher');
  const mine = teacher.locator('tr', { hasText: '素養導向閱讀教學工作坊' });
  assert((await mine.innerText()).includes('審核通過'), `the homepage row says 審核通過: ${await mine.innerText()}`);
  await shoot(teacher, 'enrolment-4-home-desktop');
  assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
});

test('on a phone: a course on the morning of one already applied for is warned about, not refused', async (s) => {
  const teacher = await (await newContext(s.browser, PHONE)).newPage();
  await login(teacher, 'A123456789');  // 王小明, 待審核 in 5600001, whose second day is 5600013's
  await teacher.goto(`/courses/${FULL_COURSE}`);
  const warning = teacher.locator('.enrolment-box [data-clash-warnings]');
  assert(await warning.isVisible(), 'the box warns of the overlap');
  assert((await warning.innerText()).includes('素養導向閱讀教學工作坊'), 'the warning names the other course');
  assert(await teacher.locator('.enrolment-box').getByRole('button', { name: '加入候補' }).isEnabled(),
    'the teacher may still apply');
  await shoot(teacher, 'enrolment-5-clash-phone');
});

test('on a phone: a full course offers 候補, and a cancellation promotes the first waiting teacher', async (s) => {
  resetDemo();
  const waiting = await (await newContext(s.browser, PHONE)).newPage();
  await login(waiting, APPLICANT);
  await waiting.goto(`/courses/${FULL_COURSE}`);
  await shoot(waiting, 'enrolment-5-full-phone');
  await clickAndWait(waiting, waiting.locator('.enrolment-box').getByRole('button', { name: '加入候補' }));
  assertEqual(await waiting.locator('[data-enrolment-status]').getAttribute('data-enrolment-status'), 'waiting',
    'the answer says 候補');
  assert((await waiting.locator('main').innerText()).includes('排第 1 位'), 'first on the waiting list');
  await shoot(waiting, 'enrolment-6-waiting-phone');

  const before = mailFiles();
  const holder = await (await newContext(s.browser, PHONE)).newPage();
  await login(holder, SEAT_HOLDER);
  await holder.goto('/teacher');
  const row = holder.locator('tr', { hasText: '國中會考數學命題趨勢工作坊' });
  await clickAndWait(holder, row.getByRole('link', { name: '取消報名' }));
  await shoot(holder, 'enrolment-7-cancel-phone');
  await clickAndWait(holder, holder.getByRole('button', { name: '確定取消報名' }));
  assertEqual(pathOf(holder), '/teacher', 'back on the homepage');
  assert((await flashText(holder)).includes('已取消'), `flash: ${await flashText(holder)}`);

  const [mail] = await waitForMail((m) => m.to.includes('h223@example.edu.tw') && m.subject.includes('候補遞補'),
    { before });
  assert(mail.body.includes(FULL_COURSE), 'the mail names the course');
  await waiting.goto('/teacher');
  const promoted = waiting.locator('tr', { hasText: '國中會考數學命題趨勢工作坊' });
  assert((await promoted.innerText()).includes('審核通過'), `promoted: ${await promoted.innerText()}`);
  await shoot(waiting, 'enrolment-8-promoted-phone');
  resetDemo();
});

await run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { if (s?.browser) await s.browser.close(); },
});
