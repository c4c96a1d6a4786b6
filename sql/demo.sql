-- Demo data of SPEC §10, loaded by `nginx/portalctl start` into an empty database.
-- Dates are relative to the database's today, so the lights hold whenever it is loaded
-- (from mid-January on: the lights count this calendar year's courses only).
-- @DEMO_PASSWORD_HASH@ is an Argon2id hash of `inservice-demo`, filled in by portalctl.

SET @today = CURDATE();
SET @year_start = MAKEDATE(YEAR(@today), 1);
SET @hash = '@DEMO_PASSWORD_HASH@';

INSERT INTO county (id, name) VALUES
  (1,'臺北市'),(2,'新北市'),(3,'桃園市'),(4,'臺中市'),(5,'臺南市'),(6,'高雄市'),(7,'基隆市'),
  (8,'新竹市'),(9,'嘉義市'),(10,'新竹縣'),(11,'苗栗縣'),(12,'彰化縣'),(13,'南投縣'),(14,'雲林縣'),
  (15,'嘉義縣'),(16,'屏東縣'),(17,'宜蘭縣'),(18,'花蓮縣'),(19,'臺東縣'),(20,'澎湖縣'),
  (21,'金門縣'),(22,'連江縣');

INSERT INTO unit (id, code, name, county_id, level, ownership, is_review_unit, review_role) VALUES
  (1, 'NC0001', '全國教師在職進修資訊網及全國推廣中心', 6, 'review_body', 'national', TRUE, 'national_centre'),
  (2, '380000', '桃園市政府教育局', 3, 'review_body', 'municipal', TRUE, 'county_bureau'),
  (3, '660000', '臺中市政府教育局', 4, 'review_body', 'municipal', TRUE, 'county_bureau');
-- Schools have no review unit set: 第11條 routes their courses to their county's bureau.
INSERT INTO unit (id, code, name, county_id, level, ownership, authority_unit_id) VALUES
  (4, '034525', '桃園市立內壢國民中學', 3, 'junior_high', 'municipal', 2),
  (5, '034614', '桃園市中壢區內壢國民小學', 3, 'elementary', 'municipal', 2),
  (6, '064648', '臺中市大雅區文雅國民小學', 4, 'elementary', 'municipal', 3);

INSERT INTO business_account (id, account_name, display_name, unit_id, kind, approved_at, email, phone, password_hash) VALUES
  (1, 'organizer', '林承辦', 4, 'organizer', NOW(), 'organizer@example.edu.tw', '03-4512345#210', @hash),
  (2, 'master', '張總負責', 4, 'master', NOW(), 'master@example.edu.tw', '03-4512345#200', @hash),
  (3, 'reviewer', '陳審課', 2, 'reviewer', NOW(), 'reviewer@example.gov.tw', '03-3322101#7511', @hash),
  (4, 'reviewer2', '許審課', 3, 'reviewer', NOW(), 'reviewer2@example.gov.tw', '04-22293401#13', @hash),
  (5, 'admin', '系統管理員', 1, 'admin', NOW(), 'admin@example.edu.tw', '07-7258600', @hash),
  (6, 'organizer-red', '黃承辦', 6, 'organizer', NOW(), 'organizer-red@example.edu.tw', '04-25601234', @hash);
-- 業務帳號申請 waiting (issue 10): a new 承辦人 of 內壢國中 for `master` to approve on /office/accounts,
-- and a 總負責人 of 內壢國小 (桃園市) for `reviewer` on /review/accounts. Neither can log in yet.
INSERT INTO business_account (id, account_name, display_name, unit_id, kind, approved_at, email, phone, password_hash, created_at) VALUES
  (7, 'new-organizer', '許新任', 4, 'organizer', NULL, 'new-organizer@example.edu.tw', '03-4512345#211', @hash, NOW() - INTERVAL 1 DAY),
  (8, 'new-master', '吳總負責', 5, 'master', NULL, 'new-master@example.edu.tw', '03-4523456#100', @hash, NOW() - INTERVAL 2 DAY);
INSERT INTO audit_log (at, actor, action, object, detail) VALUES
  (NOW() - INTERVAL 1 DAY, '-', 'account.apply', 'b:7', '申請承辦人帳號（桃園市立內壢國民中學）'),
  (NOW() - INTERVAL 2 DAY, '-', 'account.apply', 'b:8', '申請總負責人帳號（桃園市中壢區內壢國民小學）');

-- 身分證字號 come in plain, the bulk intake: nginx/portalctl's `portal-tool pii-migrate` seals them
-- right after and sets national_id to NULL (migration 0033, README "Personal data at rest").
INSERT INTO teacher (id, national_id, name, gender, birth_date, email, phone, unit_id, title_code, title_name, employment, employment_note, password_hash) VALUES
  (1, 'A123456789', '王小明', 'M', '1985-03-14', 'a123@example.edu.tw', '0912-345-678', 4, 'T01', '專任教師', 'active', NULL, @hash),
  (2, 'B223456782', '李美玲', 'F', '1988-07-02', 'b223@example.edu.tw', '0922-345-678', 5, 'T01', '專任教師', 'active', NULL, @hash),
  (3, 'F123456784', '陳志強', 'M', '1979-11-30', 'f123@example.edu.tw', NULL, NULL, 'T01', '專任教師', 'left', '已自桃園市立內壢國民中學離職（總負責人登錄）', @hash),
  (4, 'H223456788', '周怡君', 'F', '1990-01-21', 'h223@example.edu.tw', NULL, 4, 'T02', '導師', 'active', NULL, @hash),
  (5, 'E123456783', '吳建宏', 'M', '1983-05-09', 'e123@example.edu.tw', NULL, 6, 'T01', '專任教師', 'active', NULL, @hash);

INSERT INTO category (id, name) VALUES
  (1,'教學專業'),(2,'特殊教育'),(3,'資訊教育'),(4,'輔導知能'),(5,'健康與安全'),(6,'性別平等教育'),(7,'一般研習');

INSERT INTO tag (id, name) VALUES
  (1,'幼兒園教保專業知能'),(2,'基本救命術訓練'),(3,'安全教育'),(4,'特殊教育知能'),(5,'家庭教育');
-- Retired by the administrator (/admin/categories, /admin/tags): no longer offered to new courses
-- or in the search form, kept on what carries them.
INSERT INTO category (id, name, active) VALUES (8, '九年一貫課程', FALSE);
INSERT INTO tag (id, name, active) VALUES (6, '九年一貫課程', FALSE);

-- Courses of 內壢國中 (organizer) in every state, and of 文雅國小 (organizer-red), five overdue.
-- past(n) = n days ago but not before 1 January, so "this year" holds.
INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name, contact1_phone, contact1_email, contact2_name, contact2_phone, contact2_email, state, first_date, last_date, created_at) VALUES
  (1, '5600001', 4, 1, 2, '素養導向閱讀教學工作坊', 'non_credit', TRUE, 1, '國語文', 'junior_high,elementary', '桃教資字第1140014389號',
   '以文本分析與提問設計為核心，帶領教師實作素養導向的閱讀理解教學，並分享課堂實例。', 9, 1, 40, 40, 2,
   TRUE, NOW() - INTERVAL 1 DAY, (@today + INTERVAL 19 DAY) + INTERVAL 17 HOUR, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', '張總負責', '03-4512345#200', 'master@example.edu.tw',
   'approved', @today + INTERVAL 20 DAY, @today + INTERVAL 21 DAY, NOW() - INTERVAL 1 HOUR),
  (2, '5600002', 4, 1, 2, '校園安全教育與緊急應變演練', 'non_credit', TRUE, 5, '綜合活動', 'junior_high', '桃教體字第1140020011號',
   '校園災害防救、緊急應變流程與演練規劃。', 3, 1, 30, 30, 0,
   TRUE, (@today + INTERVAL 3 DAY) + INTERVAL 9 HOUR, (@today + INTERVAL 29 DAY) + INTERVAL 17 HOUR, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'approved', @today + INTERVAL 30 DAY, @today + INTERVAL 30 DAY, NOW() - INTERVAL 2 HOUR),
  (3, '5600003', 4, 1, 2, '數位學習平臺融入數學教學', 'non_credit', FALSE, 3, '數學', 'junior_high', NULL,
   '介紹數位學習平臺的課堂應用與差異化教學設計。', 3, 1, 30, 30, 0,
   TRUE, NOW() + INTERVAL 2 DAY, (@today + INTERVAL 24 DAY) + INTERVAL 17 HOUR, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'unconfirmed', @today + INTERVAL 25 DAY, @today + INTERVAL 25 DAY, NOW() - INTERVAL 3 HOUR),
  (4, '5600004', 4, 1, 2, '特殊教育知能研習（第一梯次）', 'non_credit', TRUE, 2, '特殊教育', 'junior_high', NULL,
   '特殊需求學生的辨識、轉介與課堂調整策略。', 3, 1, 30, 30, 0,
   TRUE, NOW() + INTERVAL 2 DAY, (@today + INTERVAL 27 DAY) + INTERVAL 17 HOUR, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'returned', @today + INTERVAL 28 DAY, @today + INTERVAL 28 DAY, NOW() - INTERVAL 4 HOUR),
  (5, '5600005', 4, 1, 2, '校內教師專業學習社群成果分享', 'non_credit', FALSE, 1, '跨領域', 'junior_high', NULL,
   '各社群分享年度共備與觀議課成果。', 3, 1, 50, 50, 0,
   FALSE, NULL, NULL, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'roster_submitted', GREATEST(@year_start, @today - INTERVAL 20 DAY), GREATEST(@year_start, @today - INTERVAL 20 DAY), NOW() - INTERVAL 40 DAY),
  (6, '5600006', 4, 1, 2, 'SEL 社會情緒學習融入班級經營', 'non_credit', TRUE, 4, '輔導', 'junior_high,elementary', '桃教輔字第1140031234號',
   '社會情緒學習的核心能力與班級實作。', 3, 1, 40, 40, 0,
   FALSE, NULL, NULL, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'roster_returned', GREATEST(@year_start, @today - INTERVAL 25 DAY), GREATEST(@year_start, @today - INTERVAL 25 DAY), NOW() - INTERVAL 45 DAY),
  (7, '5600007', 4, 1, 2, '基本救命術訓練（CPR＋AED）', 'non_credit', TRUE, 5, '健康與體育', 'junior_high,elementary', '桃教體字第1140012345號',
   '心肺復甦術與自動體外心臟電擊去顫器操作，含實作測驗。', 3, 1, 40, 40, 2,
   TRUE, NOW() - INTERVAL 60 DAY, NOW() - INTERVAL 32 DAY, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'closed', GREATEST(@year_start, @today - INTERVAL 30 DAY), GREATEST(@year_start, @today - INTERVAL 30 DAY), NOW() - INTERVAL 70 DAY),
  (8, '5600008', 4, 1, 2, '性別平等教育教師增能研習', 'non_credit', TRUE, 6, '綜合活動', 'junior_high,elementary', '桃教學字第1140015678號',
   '性別平等教育法與校園性別事件處理。', 3, 1, 40, 40, 2,
   TRUE, NOW() - INTERVAL 70 DAY, NOW() - INTERVAL 47 DAY, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'closed', GREATEST(@year_start, @today - INTERVAL 45 DAY), GREATEST(@year_start, @today - INTERVAL 45 DAY), NOW() - INTERVAL 80 DAY),
  (9, '5600009', 4, 1, 2, '英語教學新趨勢：溝通式教學實作', 'non_credit', TRUE, 1, '英語文', 'junior_high', '桃教資字第1140019876號',
   '溝通式語言教學的課堂活動設計。', 3, 1, 40, 40, 2,
   TRUE, NOW() - INTERVAL 80 DAY, NOW() - INTERVAL 52 DAY, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'closed', GREATEST(@year_start, @today - INTERVAL 50 DAY), GREATEST(@year_start, @today - INTERVAL 50 DAY), NOW() - INTERVAL 90 DAY),
  (10, '5600010', 4, 1, 2, '重複登錄：素養導向閱讀教學工作坊', 'non_credit', TRUE, 1, '國語文', 'junior_high', NULL,
   '重複登錄，已刪除。', 3, 1, 40, 40, 0,
   FALSE, NULL, NULL, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'deleted', @today + INTERVAL 20 DAY, @today + INTERVAL 20 DAY, NOW() - INTERVAL 5 HOUR),
  (11, '5600011', 4, 1, 2, '閱讀理解策略教學實務', 'non_credit', TRUE, 1, '國語文', 'elementary', '桃教資字第1140017777號',
   '預測、連結、摘要等閱讀理解策略的教學示例。', 3, 1, 40, 40, 1,
   TRUE, NOW() - INTERVAL 65 DAY, NOW() - INTERVAL 37 DAY, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'closed', GREATEST(@year_start, @today - INTERVAL 35 DAY), GREATEST(@year_start, @today - INTERVAL 35 DAY), NOW() - INTERVAL 75 DAY),
  (12, '5600012', 4, 1, 2, '班級經營實務與親師溝通', 'non_credit', TRUE, 4, '輔導', 'elementary', '桃教輔字第1140018888號',
   '班級常規建立與親師溝通的實務案例。', 3, 1, 40, 40, 1,
   TRUE, NOW() - INTERVAL 70 DAY, NOW() - INTERVAL 42 DAY, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw', NULL, NULL, NULL,
   'closed', GREATEST(@year_start, @today - INTERVAL 40 DAY), GREATEST(@year_start, @today - INTERVAL 40 DAY), NOW() - INTERVAL 85 DAY);

INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online, contact1_name, contact1_phone, contact1_email, state, first_date, last_date, created_at)
SELECT 100 + n, CONCAT('56001', LPAD(n, 2, '0')), 6, 6, 3, CONCAT('文雅國小教師增能研習（第', n, '場）'), 'non_credit', FALSE, 7, '跨領域', 'elementary', NULL,
  '校內教師增能研習。', 3, 1, 30, 30, 0, FALSE, '黃承辦', '04-25601234', 'organizer-red@example.edu.tw',
  IF(n % 2 = 0, 'roster_submitted', 'approved'),
  GREATEST(@year_start, @today - INTERVAL (8 + n * 6) DAY), GREATEST(@year_start, @today - INTERVAL (8 + n * 6) DAY),
  NOW() - INTERVAL (40 + n * 6) DAY
FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) five;

-- One morning session per course (09:00–12:00 with a 10-minute break: 3 hours by 第10條);
-- the first course runs two days (a full day with lunch, 6 hours, then a morning, 3 hours).
INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)
SELECT id, first_date, '09:00', '12:00', '10:30-10:40', CONCAT((SELECT name FROM unit WHERE unit.id = course.unit_id), ' 視聽教室')
FROM course WHERE id <> 1;
INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES
  (1, @today + INTERVAL 20 DAY, '09:00', '16:00', '12:00-13:00', '桃園市立內壢國民中學 圖書館'),
  (1, @today + INTERVAL 21 DAY, '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 圖書館');

INSERT INTO course_tag (course_id, tag_id) VALUES (2, 3), (4, 4), (7, 2), (7, 3);

INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at)
SELECT id, NULL, 'unconfirmed', organizer_id, NULL, created_at FROM course;
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at) VALUES
  (4, 'unconfirmed', 'returned', 3, 'A. 請移除屬性標籤；依據文號：跨校研習請填寫依據文號', NOW() - INTERVAL 2 HOUR),
  (6, 'roster_submitted', 'roster_returned', 3, '名單時數與簽到紀錄不符，請修正後重新送出', NOW() - INTERVAL 3 DAY),
  (10, 'unconfirmed', 'deleted', 1, '課程登錄錯誤：重複登錄', NOW() - INTERVAL 4 HOUR);

-- Enrolments: A has two closed courses without hours (yellow), B three (red).
INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at) VALUES
  (1, 1, 'pending', NOW() - INTERVAL 20 HOUR, NULL),
  (1, 2, 'approved', NOW() - INTERVAL 19 HOUR, NOW() - INTERVAL 18 HOUR),
  (7, 1, 'approved', NOW() - INTERVAL 55 DAY, NOW() - INTERVAL 55 DAY),
  (7, 2, 'approved', NOW() - INTERVAL 55 DAY, NOW() - INTERVAL 55 DAY),
  (8, 1, 'approved', NOW() - INTERVAL 65 DAY, NOW() - INTERVAL 65 DAY),
  (8, 2, 'approved', NOW() - INTERVAL 65 DAY, NOW() - INTERVAL 65 DAY),
  (9, 1, 'approved', NOW() - INTERVAL 75 DAY, NOW() - INTERVAL 75 DAY),
  (9, 4, 'approved', NOW() - INTERVAL 75 DAY, NOW() - INTERVAL 75 DAY),
  (11, 2, 'approved', NOW() - INTERVAL 60 DAY, NOW() - INTERVAL 60 DAY),
  (12, 2, 'approved', NOW() - INTERVAL 65 DAY, NOW() - INTERVAL 65 DAY);
UPDATE enrolment SET approved_at = decided_at WHERE status = 'approved';

INSERT INTO roster_entry (course_id, teacher_id, attendance, hours) VALUES
  (9, 1, 'full', 3), (9, 4, 'full', 3), (12, 2, 'full', 3), (7, 4, 'full', 3);

INSERT INTO partner (id, client_id, site_name, operator_name, site_url, secret_sha256, redirect_uris, claims, may_report, scan_report_date, privacy_policy_url, status) VALUES
  (1, 'dream-n', '夢的N次方', '教育部國民及學前教育署', 'http://127.0.0.1:8091/', SHA2('dream-n-secret', 256),
   'http://127.0.0.1:8091/callback', 'name,school_code,school_name', TRUE, @today - INTERVAL 30 DAY,
   'http://127.0.0.1:8091/privacy', 'approved');
UPDATE partner SET head_name = '國教署署長', contact_name = '夢的N次方窗口', contact_phone = '02-77367800',
  contact_email = 'dream-n@example.edu.tw', test_url = 'http://127.0.0.1:8091/', audience = '全國中小學教師',
  members = '約 30,000 人', purpose = '教師以全教網帳號登入夢的N次方社群與工作坊報名，並回報研習時數。',
  maintenance = '國教署委託團隊維運，每年弱點掃描。', agreed_terms = TRUE, decided_at = NOW(), decided_by = 5
WHERE id = 1;
INSERT INTO partner_claim_use (partner_id, claim, use_text) VALUES
  (1, 'name', '顯示於社群個人頁與研習證明'),
  (1, 'school_code', '工作坊依學校分組'),
  (1, 'school_name', '顯示於社群個人頁');

INSERT INTO study_record (teacher_id, course_id, source, partner_id, external_ref, title, hours, completed_on, verify_code) VALUES
  (1, 9, 'portal', NULL, NULL, '英語教學新趨勢：溝通式教學實作', 3, GREATEST(@year_start, @today - INTERVAL 50 DAY), 'DEM0REC00001'),
  (4, 9, 'portal', NULL, NULL, '英語教學新趨勢：溝通式教學實作', 3, GREATEST(@year_start, @today - INTERVAL 50 DAY), 'DEM0REC00002'),
  (4, 7, 'portal', NULL, NULL, '基本救命術訓練（CPR＋AED）', 3, GREATEST(@year_start, @today - INTERVAL 30 DAY), 'DEM0REC00003'),
  (2, 12, 'portal', NULL, NULL, '班級經營實務與親師溝通', 3, GREATEST(@year_start, @today - INTERVAL 40 DAY), 'DEM0REC00004'),
  (1, NULL, 'partner', 1, 'DN-DEMO-0001', '夢的N次方：跨域共備工作坊', 6, @year_start - INTERVAL 200 DAY, 'DEM0REC00005'),
  (1, NULL, 'county', NULL, 'TY-DEMO-0001', '桃園市教師專業發展研習', 12, @year_start - INTERVAL 500 DAY, 'DEM0REC00006'),
  (3, NULL, 'county', NULL, 'TY-DEMO-0002', '桃園市數學領域輔導團研習', 6, @year_start - INTERVAL 300 DAY, 'DEM0REC00007'),
  (3, NULL, 'portal', NULL, NULL, '資訊安全與個人資料保護', 3, @year_start - INTERVAL 400 DAY, 'DEM0REC00008');

-- 公佈欄: one post for each audience, one still to be published and one taken down, so that the
-- administrator's list shows every state and each reader sees only their own.
INSERT INTO bulletin (title, body, audience, publish_at, expires_at, pinned) VALUES
  ('研習資源請妥善運用', '若不克前往已報名的研習，請於研習開始前取消報名，以免列入「報名但未參與研習」燈號。\n\n取消方式：登入後至「我的研習」，於該筆報名按「取消報名」。', 'everyone', @today - INTERVAL 3 DAY, NULL, TRUE),
  ('業務帳號燈號說明', '同一單位當年度未按時結案課程累積滿 5 堂者，將以紅燈警示並暫停課程登錄。', 'business', @today - INTERVAL 10 DAY, NULL, FALSE),
  ('新學期校內教師資料更新', '請各校總負責人更新校內教師資料及業務帳號。', 'business', @today - INTERVAL 20 DAY, NULL, FALSE),
  ('教師研習時數查詢說明', '登入後於「研習紀錄」可查詢歷年研習時數，並下載時數證明（PDF）。\n操作說明請見問答集：https://inservice.example.tw/faq', 'teachers', @today - INTERVAL 5 DAY, NULL, FALSE),
  ('系統維護公告', '本網站將於下週六 08:00–12:00 進行系統維護，期間暫停服務。', 'everyone', @today + INTERVAL 2 DAY, NULL, FALSE),
  ('舊版使用手冊停止提供', '舊版使用手冊已停止提供，請改用新版。', 'everyone', @today - INTERVAL 60 DAY, @today - INTERVAL 30 DAY, FALSE);

-- 研習資訊訂閱: 王小明 follows 閱讀 courses in 桃園市 (his digest lists those approved since).
INSERT INTO subscription (teacher_id, search, created_at) VALUES
  (1, 'q=%E9%96%B1%E8%AE%80&county=3', @today - INTERVAL 10 DAY);

-- 意見交流: 王小明's question waits in the administrator's inbox; 林承辦's was answered (mailed).
INSERT INTO feedback (id, teacher_id, account_id, category, contact, state, created_at, updated_at) VALUES
  (1, 1, NULL, 'hours', NULL, 'open', NOW() - INTERVAL 2 HOUR, NOW() - INTERVAL 2 HOUR),
  (2, NULL, 1, 'business', '03-4512345#210', 'answered', NOW() - INTERVAL 3 DAY, NOW() - INTERVAL 2 DAY);
INSERT INTO feedback_message (feedback_id, admin_id, body, mailed_to, at) VALUES
  (1, NULL, '我上個月參加的研習已經結束兩週，為什麼研習紀錄還查不到時數？', NULL, NOW() - INTERVAL 2 HOUR),
  (2, NULL, '承辦人調職後，尚未結案的課程要如何移交給新的承辦人？', NULL, NOW() - INTERVAL 3 DAY),
  (2, 5, '請由貴校總負責人在課程頁面使用「移交課程」，移交給新的承辦人帳號即可；已結案的課程不需移交。', 'organizer@example.edu.tw', NOW() - INTERVAL 2 DAY);

-- 專長: the administrator's list; 王小明's 閱讀推動教師 waits for the 總負責人 of 內壢國中, his
-- 特殊教育 was approved, 周怡君's 輔導 came back with a reason.
INSERT INTO specialty (id, name) VALUES
  (1, '閱讀推動教師'), (2, '特殊教育'), (3, '輔導'), (4, '資訊科技'), (5, '雙語教學');
INSERT INTO specialty_application (teacher_id, unit_id, specialty_id, certificate_name, certificate_no,
    certificate_date, state, reason, decided_by, decided_at, created_at) VALUES
  (1, 4, 1, '閱讀推動教師研習結業證書', '桃教閱字第1140001號', @today - INTERVAL 40 DAY, 'pending', NULL, NULL, NULL, NOW() - INTERVAL 1 DAY),
  (1, 4, 2, '特殊教育學分班結業證書', '特教字第1130123號', @today - INTERVAL 400 DAY, 'approved', NULL, 2, NOW() - INTERVAL 20 DAY, NOW() - INTERVAL 25 DAY),
  (4, 4, 3, '輔導知能研習證明', '輔字第1140456號', @today - INTERVAL 90 DAY, 'returned', '證號與證書影本不符，請確認後重新申請。', 2, NOW() - INTERVAL 5 DAY, NOW() - INTERVAL 6 DAY);

-- 下載專區: the bytes are sql/demo-files/downloads/, copied by nginx/portalctl under stored_name.
INSERT INTO download (title, category, filename, kind, size_bytes, sha256, stored_name, uploaded_at) VALUES
  ('全國教師在職進修資訊網 In-service 使用手冊', 'manual', 'In-service使用手冊.pdf', 'pdf', 923,
   '9eee972389aeda04277b994611ad4a89642609687ec29b08eb3276d132079ba0', 'demo-inservice-manual.pdf', @today - INTERVAL 7 DAY);

INSERT INTO faq (category, question, answer, position) VALUES
  ('account', '忘記密碼怎麼辦？', '請於登入頁按「忘記密碼」，輸入身分證字號與註冊的電子郵件，系統會寄出 30 分鐘內有效的重設連結。', 1),
  ('account', '我的身分證字號已申請帳號，但我不記得申請過？', '請使用「忘記密碼」重設密碼；若電子郵件已不再使用，請洽服務學校的總負責人更新資料。', 2),
  ('enrolment', '報名後不克參加，要如何取消？', '請於研習開始前登入，至「我的研習」按「取消報名」。\n\n研習開始後才取消且未取得時數者，列入「報名但未參與研習」。', 1),
  ('enrolment', '什麼是候補？', '名額額滿時可登記候補；有人取消時，依候補順序自動遞補，並以電子郵件通知。', 2),
  ('hours', '研習時數多久會登錄？', '承辦人於研習結束後送出研習名單，經審課單位確認通過後，時數即登錄於您的研習紀錄。', 1),
  ('business', '如何申請業務帳號？', '業務帳號由各單位承辦人申請，經單位總負責人核准後啟用；總負責人帳號由所屬區域的審課單位核准。', 1),
  ('roaming', '什麼是帳號漫遊？', '合作網站可透過本網站的帳號登入（OpenID Connect），您可在「合作網站授權」查看並撤銷授權。', 1);

-- Two schools of 桃園市 that 桃園市政府教育局 does NOT review (第11條一、二): a national senior high
-- school goes to its governing authority, 國教署 (authority_unit_id), and a university to the
-- national centre (unit 1). A queue or course page scoped by county instead of by
-- course.review_unit_id would show their courses to `reviewer`. 國教署 plays none of the three
-- review_role parts (it is reached as an authority), so its review_role stays NULL; its office
-- is in 臺中市 (county 4), which also tells a county-scoped queue apart from the right one.
INSERT INTO unit (id, code, name, county_id, level, ownership, is_review_unit, review_role) VALUES
  (101, 'K12001', '教育部國民及學前教育署', 4, 'review_body', 'national', TRUE, NULL);
INSERT INTO unit (id, code, name, county_id, level, ownership, authority_unit_id) VALUES
  (201, '030305', '國立中壢高級中學', 3, 'senior_high', 'national', 101),
  (202, '0015', '國立中央大學', 3, 'university', 'national', NULL);

-- 單位管理's history of the two schools (/admin/units/201, /admin/units/202), as `admin` made it.
INSERT INTO audit_log (at, actor, action, object, detail) VALUES
  (NOW() - INTERVAL 10 DAY, 'b:5', 'unit.create', 'u:201', '030305 國立中壢高級中學（高中）'),
  (NOW() - INTERVAL 10 DAY, 'b:5', 'unit.review', 'u:201', '所屬主管機關：（未設定） → 教育部國民及學前教育署（尚未結案的課程 0 門維持原審課單位）'),
  (NOW() - INTERVAL 9 DAY, 'b:5', 'unit.create', 'u:202', '0015 國立中央大學（大學校院）');

INSERT INTO business_account (id, account_name, display_name, unit_id, kind, approved_at, email, phone, password_hash) VALUES
  (101, 'reviewer-k12ea', '趙審課', 101, 'reviewer', NOW(), 'reviewer-k12ea@example.gov.tw', '04-37061234', @hash),
  (102, 'reviewer-centre', '鄭審課', 1, 'reviewer', NOW(), 'reviewer-centre@example.edu.tw', '07-7172930#1234', @hash),
  (103, 'organizer-clhs', '蔡承辦', 201, 'organizer', NOW(), 'organizer-clhs@example.edu.tw', '03-4932181#231', @hash),
  (104, 'organizer-ncu', '劉承辦', 202, 'organizer', NOW(), 'organizer-ncu@example.edu.tw', '03-4227151#57000', @hash);
-- 雙因素驗證 (issue 10): 審課人員 and the administrator must pass one. These four have an
-- authenticator set up with the demo secret NFXH GZLS OZUW GZJN MRSW 23ZN ORXX I4BB (add it to any
-- authenticator app, or `nginx/portalctl totp-code reviewer` prints the current code);
-- `reviewer2` has none yet, so its next login asks it to set one up.
UPDATE business_account SET totp_secret = 'inservice-demo-totp!', totp_enabled_at = NOW() - INTERVAL 30 DAY
 WHERE account_name IN ('reviewer', 'admin', 'reviewer-k12ea', 'reviewer-centre');

-- Two courses of each school waiting for review and one approved, each with one morning session.
INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online, contact1_name, contact1_phone, contact1_email, state, first_date, last_date, created_at) VALUES
  (201, '5600201', 201, 103, 101, '高中數學探究與實作教學研習', 'non_credit', FALSE, 1, '數學', 'senior_high', NULL,
   '數學探究課程的提問設計與學生實作評量。', 3, 1, 30, 30, 0, FALSE,
   '蔡承辦', '03-4932181#231', 'organizer-clhs@example.edu.tw', 'unconfirmed', @today + INTERVAL 26 DAY, @today + INTERVAL 26 DAY, NOW() - INTERVAL 2 DAY),
  (202, '5600202', 201, 103, 101, '高中自主學習與學習歷程檔案指導', 'non_credit', FALSE, 1, '綜合活動', 'senior_high', NULL,
   '自主學習計畫的引導與學習歷程檔案的回饋方式。', 3, 1, 30, 30, 0, FALSE,
   '蔡承辦', '03-4932181#231', 'organizer-clhs@example.edu.tw', 'unconfirmed', @today + INTERVAL 27 DAY, @today + INTERVAL 27 DAY, NOW() - INTERVAL 1 DAY),
  (203, '5600203', 201, 103, 101, '高中跨領域課程設計實務', 'non_credit', FALSE, 1, '跨領域', 'senior_high', NULL,
   '跨領域課程的共同備課與課程地圖。', 3, 1, 30, 30, 0, FALSE,
   '蔡承辦', '03-4932181#231', 'organizer-clhs@example.edu.tw', 'approved', @today + INTERVAL 33 DAY, @today + INTERVAL 33 DAY, NOW() - INTERVAL 6 DAY),
  (204, '5600204', 202, 104, 1, '大學端支援中學科學實驗教學', 'non_credit', FALSE, 1, '自然科學', 'junior_high,senior_high', NULL,
   '大學實驗室支援中學探究實驗的設計與安全。', 3, 1, 30, 30, 0, FALSE,
   '劉承辦', '03-4227151#57000', 'organizer-ncu@example.edu.tw', 'unconfirmed', @today + INTERVAL 26 DAY, @today + INTERVAL 26 DAY, NOW() - INTERVAL 2 DAY),
  (205, '5600205', 202, 104, 1, '天文觀測融入自然科學教學', 'non_credit', FALSE, 7, '自然科學', 'junior_high,senior_high', NULL,
   '鹿林天文臺觀測資料在課堂上的運用。', 3, 1, 30, 30, 0, FALSE,
   '劉承辦', '03-4227151#57000', 'organizer-ncu@example.edu.tw', 'unconfirmed', @today + INTERVAL 29 DAY, @today + INTERVAL 29 DAY, NOW() - INTERVAL 1 DAY),
  (206, '5600206', 202, 104, 1, '地球科學野外考察教師研習', 'non_credit', FALSE, 1, '自然科學', 'senior_high', NULL,
   '桃園台地地形與地質的野外考察路線規劃。', 3, 1, 30, 30, 0, FALSE,
   '劉承辦', '03-4227151#57000', 'organizer-ncu@example.edu.tw', 'approved', @today + INTERVAL 34 DAY, @today + INTERVAL 34 DAY, NOW() - INTERVAL 6 DAY);

INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)
SELECT id, first_date, '09:00', '12:00', '10:30-10:40', CONCAT((SELECT name FROM unit WHERE unit.id = course.unit_id), ' 會議室')
FROM course WHERE id BETWEEN 201 AND 206;

INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at)
SELECT id, NULL, 'unconfirmed', organizer_id, NULL, created_at FROM course WHERE id BETWEEN 201 AND 206;
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at) VALUES
  (203, 'unconfirmed', 'approved', 101, NULL, NOW() - INTERVAL 5 DAY),
  (206, 'unconfirmed', 'approved', 102, NULL, NOW() - INTERVAL 5 DAY);

-- A full course (5600013, 自動審核, one online seat, taken by 李美玲): it offers 候補, and when
-- she cancels the first waiting teacher takes the seat at once and is e-mailed.
INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name, contact1_phone, contact1_email, state, first_date, last_date, created_at) VALUES
  (13, '5600013', 4, 1, 2, '國中會考數學命題趨勢工作坊', 'non_credit', TRUE, 1, '數學', 'junior_high', '桃教資字第1140020202號',
   '近年會考數學題型分析與素養題命題實作。', 3, 1, 1, 1, 1,
   TRUE, NOW() - INTERVAL 2 DAY, (@today + INTERVAL 20 DAY) + INTERVAL 17 HOUR, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw',
   'approved', @today + INTERVAL 21 DAY, @today + INTERVAL 21 DAY, NOW() - INTERVAL 3 DAY);
-- On the morning of 5600001's second day: 王小明 (待審核 there) is warned of the overlap.
INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES
  (13, @today + INTERVAL 21 DAY, '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 會議室');
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at) VALUES
  (13, NULL, 'unconfirmed', 1, NULL, NOW() - INTERVAL 3 DAY),
  (13, 'unconfirmed', 'approved', 3, NULL, NOW() - INTERVAL 2 DAY);
INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at, auto_decided) VALUES
  (13, 2, 'approved', NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY, TRUE);
-- 線上報名設定 of 5600013: two optional questions (報名所需額外資訊), answered by 李美玲.
UPDATE course SET ask_fields = 'mobile=optional,meal=optional' WHERE id = 13;
UPDATE enrolment SET answers = 'mobile=0912-345-678\nmeal=葷食' WHERE course_id = 13 AND teacher_id = 2;

-- Rosters (SPEC §5). 5600014 ended three days ago, two mornings, three approved applicants not
-- yet on its roster: 轉換線上報名資料, 逐場登錄出席 and 送出 are the organizer's next steps.
-- 5600005 waits for `reviewer` (a walk-in and a 請假 line among its three); 5600006 came back
-- with reasons and is being fixed; 文雅國小's two submitted rosters wait for `reviewer2`.
INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name, contact1_phone, contact1_email, state, first_date, last_date, created_at) VALUES
  (14, '5600014', 4, 1, 2, '差異化教學與學習共同體實作', 'non_credit', TRUE, 1, '跨領域', 'junior_high,elementary', '桃教資字第1140021414號',
   '分組合作學習、差異化任務設計與共同備課，兩個上午的實作工作坊。', 6, 1, 40, 40, 3,
   TRUE, NOW() - INTERVAL 40 DAY, NOW() - INTERVAL 12 DAY, TRUE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw',
   'approved', GREATEST(@year_start, @today - INTERVAL 4 DAY), GREATEST(@year_start, @today - INTERVAL 3 DAY), NOW() - INTERVAL 50 DAY);
INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES
  (14, GREATEST(@year_start, @today - INTERVAL 4 DAY), '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 圖書館'),
  (14, GREATEST(@year_start, @today - INTERVAL 3 DAY), '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 圖書館');
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at) VALUES
  (14, NULL, 'unconfirmed', 1, NULL, NOW() - INTERVAL 50 DAY),
  (14, 'unconfirmed', 'approved', 3, NULL, NOW() - INTERVAL 48 DAY),
  (5, 'approved', 'roster_submitted', 1, '名單 3 人，核發 8 小時', NOW() - INTERVAL 2 DAY),
  (102, 'approved', 'roster_submitted', 6, '名單 1 人，核發 3 小時', NOW() - INTERVAL 6 DAY),
  (104, 'approved', 'roster_submitted', 6, '名單 1 人，核發 3 小時', NOW() - INTERVAL 5 DAY);
INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at, auto_decided) VALUES
  (14, 1, 'approved', NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 30 DAY, TRUE),
  (14, 2, 'approved', NOW() - INTERVAL 29 DAY, NOW() - INTERVAL 29 DAY, NOW() - INTERVAL 29 DAY, TRUE),
  (14, 4, 'approved', NOW() - INTERVAL 28 DAY, NOW() - INTERVAL 28 DAY, NOW() - INTERVAL 28 DAY, TRUE);
INSERT INTO roster_entry (course_id, teacher_id, source, attendance, hours_absent, hours, hours_typed, hours_reason) VALUES
  (5, 1, 'single', 'full', 0, 3, FALSE, NULL),
  (5, 4, 'single', 'excused', 1, 2, FALSE, NULL),
  (5, 2, 'single', 'full', 0, 3, FALSE, NULL),
  (6, 1, 'single', 'full', 0, 3, FALSE, NULL),
  (6, 4, 'single', 'full', 0, 2, TRUE, '遲到一小時，依簽到表'),
  (102, 5, 'single', 'full', 0, 3, FALSE, NULL),
  (104, 5, 'single', 'full', 0, 3, FALSE, NULL);

-- 研習紀錄 (issue 9): the yearly hours tags mandate, and 王小明's records over three years from
-- three sources, one of them corrected by the reviewer (the page shows the newest, its reason and
-- the old value; only the newest counts). 5600016 carries 家庭教育, so his progress shows.
UPDATE tag SET yearly_hours_required = 18, applies_to = 'kindergarten' WHERE id = 1;
UPDATE tag SET yearly_hours_required = 3 WHERE id = 4;
UPDATE tag SET yearly_hours_required = 4 WHERE id = 5;
INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online, contact1_name, contact1_phone, contact1_email, state, first_date, last_date, created_at) VALUES
  (16, '5600016', 4, 1, 2, '親職教育與家庭溝通實務', 'non_credit', TRUE, 4, '輔導', 'junior_high', '桃教輔字第1140010101號',
   '親師合作、家庭支持與親職溝通的實務案例。', 3, 1, 30, 30, 0, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw',
   'closed', GREATEST(@year_start, @today - INTERVAL 60 DAY), GREATEST(@year_start, @today - INTERVAL 60 DAY), NOW() - INTERVAL 100 DAY);
INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES
  (16, GREATEST(@year_start, @today - INTERVAL 60 DAY), '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 視聽教室');
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at) VALUES
  (16, NULL, 'unconfirmed', 1, NULL, NOW() - INTERVAL 100 DAY);
INSERT INTO course_tag (course_id, tag_id) VALUES (16, 5);
INSERT INTO study_record (teacher_id, course_id, source, title, hours, completed_on, verify_code, created_by) VALUES
  (1, 16, 'portal', '親職教育與家庭溝通實務', 2, GREATEST(@year_start, @today - INTERVAL 60 DAY), 'DEM0REC00009', 3);
INSERT INTO study_record (teacher_id, course_id, correction_no, corrects_id, correction_reason, created_by, source, title, hours, completed_on, verify_code)
SELECT 1, 16, 1, id, '簽到表漏登第二節，依簽到紀錄更正為全程 3 小時', 3, 'portal', title, 3, completed_on, 'DEM0REC00010'
FROM study_record WHERE verify_code = 'DEM0REC00009';
INSERT INTO study_record (teacher_id, course_id, source, external_ref, title, hours, credits, completed_on, verify_code) VALUES
  (1, NULL, 'civil_service', 'CS-DEMO-0001', '公務人員終身學習：個人資料保護法概論', 2, 0, @year_start - INTERVAL 120 DAY, 'DEM0REC00011');

-- 抽籤 (issue 8): 5600017 collects applications until its draw in two days (王小明 and 李美玲
-- wait for it; its page shows the seed's hash); 5600015 was drawn yesterday noon, its page shows
-- the seed and the order. 王小明 and 李美玲 have no-shows this year (above), so 周怡君 and 吳建宏
-- took the two seats and they wait in draw order: the draw done here as the scheduler does it
-- (domain/lottery.h), with a seed of 32 random bytes.
SET @seed17 = REPLACE(REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(32)), '+', '-'), '/', '_'), '=', '');
SET @seed15 = REPLACE(REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(32)), '+', '-'), '/', '_'), '=', '');
SET @drawn15 = (@today - INTERVAL 1 DAY) + INTERVAL 12 HOUR;
INSERT INTO course (id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class, online_seats, seat_mode, draw_at, draw_seed, drawn_at, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name, contact1_phone, contact1_email, state, first_date, last_date, created_at) VALUES
  (17, '5600017', 4, 1, 2, '生涯發展教育課程設計工作坊', 'non_credit', TRUE, 4, '綜合活動', 'junior_high', '桃教輔字第1140020303號',
   '生涯發展教育融入各領域的課程設計與實作，名額少，以抽籤分配。', 3, 1, 20, 2, 'lottery',
   (@today + INTERVAL 2 DAY) + INTERVAL 12 HOUR, @seed17, NULL, 0,
   TRUE, NOW() - INTERVAL 1 DAY, (@today + INTERVAL 24 DAY) + INTERVAL 17 HOUR, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw',
   'approved', @today + INTERVAL 27 DAY, @today + INTERVAL 27 DAY, NOW() - INTERVAL 5 DAY),
  (15, '5600015', 4, 1, 2, '學生輔導個案研討實務研習', 'non_credit', TRUE, 4, '綜合活動', 'junior_high', '桃教輔字第1140020304號',
   '學生輔導個案的研討方法與實務演練，名額少，以抽籤分配。', 3, 1, 20, 2, 'lottery',
   @drawn15, @seed15, @drawn15, 2,
   TRUE, NOW() - INTERVAL 4 DAY, (@today + INTERVAL 24 DAY) + INTERVAL 17 HOUR, FALSE,
   '林承辦', '03-4512345#210', 'organizer@example.edu.tw',
   'approved', @today + INTERVAL 26 DAY, @today + INTERVAL 26 DAY, NOW() - INTERVAL 6 DAY);
INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES
  (17, @today + INTERVAL 27 DAY, '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 輔導室'),
  (15, @today + INTERVAL 26 DAY, '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 輔導室');
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at) VALUES
  (17, NULL, 'unconfirmed', 1, NULL, NOW() - INTERVAL 5 DAY),
  (17, 'unconfirmed', 'approved', 3, NULL, NOW() - INTERVAL 4 DAY),
  (15, NULL, 'unconfirmed', 1, NULL, NOW() - INTERVAL 6 DAY),
  (15, 'unconfirmed', 'approved', 3, NULL, NOW() - INTERVAL 5 DAY);
INSERT INTO enrolment (course_id, teacher_id, status, created_at) VALUES
  (17, 1, 'in_draw', NOW() - INTERVAL 20 HOUR),
  (17, 2, 'in_draw', NOW() - INTERVAL 2 HOUR),
  (15, 2, 'in_draw', NOW() - INTERVAL 4 DAY),
  (15, 1, 'in_draw', NOW() - INTERVAL 3 DAY),
  (15, 5, 'in_draw', NOW() - INTERVAL 2 DAY),
  (15, 4, 'in_draw', @drawn15 - INTERVAL 1 HOUR);
INSERT INTO draw_entry (course_id, position, enrolment_id, no_show, won)
SELECT 15, ROW_NUMBER() OVER (ORDER BY d.no_show, SHA2(CONCAT(@seed15, ':', d.id), 256)), d.id, d.no_show, FALSE
FROM (SELECT id, teacher_id IN (1, 2) AS no_show FROM enrolment WHERE course_id = 15) d;
UPDATE draw_entry SET won = position <= 2 WHERE course_id = 15;
UPDATE enrolment e JOIN draw_entry d ON d.enrolment_id = e.id
SET e.status = IF(d.won, 'approved', 'waiting'), e.decided_at = IF(d.won, @drawn15, NULL),
    e.approved_at = IF(d.won, @drawn15, NULL), e.auto_decided = d.won,
    e.waiting_since = IF(d.won, NULL, CAST(@drawn15 AS DATETIME(3)) - INTERVAL (5 - d.position) * 1000 MICROSECOND)
WHERE d.course_id = 15;

-- 職位類別 (issue 8's 報名資格; issue 10's sign-up and teacher pages will keep it).
UPDATE teacher SET position_category = 'qualified' WHERE id IN (1, 2, 3, 5);
UPDATE teacher SET position_category = 'substitute' WHERE id = 4;

-- 修改個人基本資料 (issue 10): the demo teachers' addresses count as confirmed; 周怡君 asked to move
-- hers to a new address, whose link waits for a day after loading: /teacher/profile says so, and
-- /email/confirm/demo-change-email-h223 is the link the mail would carry (only its SHA-256 is kept).
UPDATE teacher SET email_confirmed_at = NOW() - INTERVAL 30 DAY WHERE id IN (1, 2, 3, 4, 5);
INSERT INTO account_token (kind, teacher_id, token_sha256, email, expires_at, created_at) VALUES
  ('change_email', 4, SHA2('demo-change-email-h223', 256), 'chou.yijun@example.edu.tw',
   NOW() + INTERVAL 1 DAY, NOW());
-- Kindergartens (issue 10): their teachers' unit and 在職 status come each night from
-- 全國教保資訊網's file (staff/kindergarten_feed.h), not from `master-kg`, their 總負責人.
-- Last night's run changed 黃保育 (離職), found 林幼心 unchanged, skipped her 離職 still 異動待審
-- there and refused an ID without an account. 許小蘭 has no unit: sql/samples/kindergarten-feed.csv,
-- copied into var/feeds/kindergarten and applied by `nginx/portalctl kindergarten-feed`, attaches her.
INSERT INTO unit (id, code, name, county_id, level, ownership, authority_unit_id) VALUES
  (301, '034980', '桃園市立內壢幼兒園', 3, 'kindergarten', 'municipal', 2),
  (302, '034981', '桃園市立中壢幼兒園', 3, 'kindergarten', 'municipal', 2);
INSERT INTO business_account (id, account_name, display_name, unit_id, kind, approved_at, email, phone, password_hash) VALUES
  (105, 'master-kg', '孫園長', 301, 'master', NOW(), 'master-kg@example.edu.tw', '03-4610001#10', @hash);
SET @feed_day = @today - INTERVAL 1 DAY;
SET @feed_roc = CONCAT(YEAR(@feed_day) - 1911, '/', DATE_FORMAT(@feed_day, '%m/%d'));
INSERT INTO teacher (id, national_id, name, gender, birth_date, email, unit_id, title_name, employment, employment_note, employment_changed_on, is_kindergarten_staff, position_category, password_hash) VALUES
  (301, 'K223456780', '林幼心', 'F', '1992-04-18', 'k223@example.edu.tw', 301, '教保員', 'active', NULL, NULL, TRUE, 'qualified', @hash),
  (302, 'L223456780', '黃保育', 'F', '1987-10-05', 'l223@example.edu.tw', 301, '教師', 'left',
   CONCAT('已自桃園市立內壢幼兒園離職（全國教保資訊網，', @feed_roc, '）'), @feed_day, TRUE, 'qualified', @hash),
  (303, 'M223456781', '許小蘭', 'F', '1995-02-27', 'm223@example.edu.tw', NULL, NULL, 'left', NULL, NULL, FALSE, 'qualified', @hash);
INSERT INTO kindergarten_feed_run (id, started_by, file_name, started_at, outcome, rows_read, changed, unchanged, skipped, refused) VALUES
  (1, 'scheduler', CONCAT('kindergarten-', DATE_FORMAT(@feed_day, '%Y%m%d'), '.csv'), @today + INTERVAL 2 HOUR - INTERVAL 1 DAY, 'applied', 4, 1, 1, 1, 1);
INSERT INTO kindergarten_feed_line (run_id, line_no, outcome, reason, masked_id, name, unit_code, unit_id, teacher_id, detail) VALUES
  (1, 2, 'changed', NULL, 'L22****780', '黃保育', '034980', 301, 302, CONCAT('在職 → 離職（', @feed_roc, '）')),
  (1, 4, 'skipped', NULL, 'K22****780', '林幼心', '034980', 301, NULL, NULL),
  (1, 5, 'refused', 'unknown_teacher', 'N12****780', '高新芽', '034980', 301, NULL, NULL);
INSERT INTO audit_log (at, actor, action, object, detail) VALUES
  (@today + INTERVAL 2 HOUR - INTERVAL 1 DAY, 'f:kindergarten', 'teacher.departure', 't:302',
   CONCAT('在職 → 離職（', @feed_roc, '）'));
