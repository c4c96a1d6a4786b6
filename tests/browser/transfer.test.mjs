// 轉校 as two schools' 總負責人 do it (issue 10): 內壢國中's 總負責人 records that a teacher moved to
// another school (轉校, with the day), which makes the account records-only at once; the 總負責人 of
// 內壢國小 then registers the teacher by 身分證字號 on 教師資料登錄 and the existing account is attached
// as that school's 在職 teacher; the teacher signs in and may enrol again. Screenshots are kept.
import {
  DESKTOP, assert, assertEqual, clickAndWait, flashText, launch, login, logout, newContext, pathOf, run,
  screenshot, sql, taipeiDate, test, watch, nidKey, nidValues, nidWhere,
} from './lib.mjs';

const stamp = Date.now().toString(36);
const NEXT_MASTER = `master.${stamp}`;
let teacher = {};

// A teacher of 內壢國中 made for the journey, and a 總負責人 for 內壢國小 (unit 5), both with the
// demo password.
function prepare() {
  const used = new Set(sql('SELECT national_id_hmac FROM teacher').split('\n'));
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  let nid = '';
  for (let n = 100000000; !nid; n++) {  // an unused 身分證字號 with its check digit (letter A = 10)
    const digits = `2${String(n).slice(2)}`;  // 2 (female) and seven digits
    const all = [1, 0, ...digits.split('').map(Number)];
    const sum = all.slice(0, 10).reduce((acc, d, i) => acc + d * weights[i], 0);
    const candidate = `A${digits}${(10 - (sum % 10)) % 10}`;
    if (!used.has(nidKey(candidate))) nid = candidate;
  }
  sql(`INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, unit_id, employment, password_hash)
       SELECT ${nidValues(nid)}, '轉校測試教師', 'F', 4, 'active', password_hash FROM teacher WHERE ${nidWhere('A123456789')}`);
  teacher = { nid, id: sql(`SELECT id FROM teacher WHERE ${nidWhere(nid)}`) };
  sql(`INSERT INTO business_account (account_name, display_name, unit_id, kind, approved_at, email, phone, password_hash)
       SELECT '${NEXT_MASTER}', '國小總負責', 5, 'master', NOW(), 'next-master@example.edu.tw', '03-4512300', password_hash
       FROM business_account WHERE account_name = 'master'`);
}

test('a teacher moves from 內壢國中 to 內壢國小 and the new school attaches the account', async (s) => {
  prepare();
  const shots = [];
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, 'master');
  await page.goto(`/office/teachers/${teacher.id}`);
  await page.locator('input[name=employment][value=transferred]').check();
  await page.locator('#on').fill(taipeiDate(0));
  await clickAndWait(page, page.getByRole('button', { name: '登錄異動' }));
  assertEqual(await page.locator('#employment-status').getAttribute('data-employment'), 'transferred', '轉校 recorded');
  shots.push(await screenshot(page, 'transfer-recorded-desktop'));
  await logout(page);

  await login(page, teacher.nid);
  assert((await page.locator('main').innerText()).includes('帳號僅能查詢研習紀錄'), 'the account is records-only at once');
  await logout(page);

  await login(page, NEXT_MASTER);
  await page.goto('/office/teachers/new');
  await page.locator('#national_id').fill(teacher.nid);
  await clickAndWait(page, page.getByRole('button', { name: '登錄' }));
  assert((await flashText(page)).includes('登錄為本校在職教師'), `attached: ${await flashText(page)}`);
  shots.push(await screenshot(page, 'transfer-attached-desktop'));
  assertEqual(sql(`SELECT CONCAT(unit_id, ' ', employment) FROM teacher WHERE id = ${teacher.id}`), '5 active',
    'the account now belongs to 內壢國小, 在職');
  await logout(page);

  await login(page, teacher.nid);
  assertEqual(pathOf(page), '/teacher', 'the teacher signs in');
  assert(!(await page.locator('main').innerText()).includes('帳號僅能查詢研習紀錄'), 'and is no longer records-only');
  shots.push(await screenshot(page, 'transfer-teacher-desktop'));
  for (const f of shots) console.log(`# screenshot ${f}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => {
    sql(`UPDATE business_account SET disabled_at = NOW() WHERE account_name = '${NEXT_MASTER}'`);
    await s.browser.close();
  },
});
