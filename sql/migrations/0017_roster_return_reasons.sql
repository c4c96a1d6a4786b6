-- The reasons a reviewer may give when returning a roster (名單確認未通過) are not those of a
-- course: each reason says which decision it serves, and the administrator keeps both lists.
ALTER TABLE return_reason
  ADD COLUMN used_for ENUM('course','roster') NOT NULL DEFAULT 'course' AFTER label,
  DROP KEY label,
  ADD UNIQUE KEY one_label_per_use (used_for, label);

INSERT INTO return_reason (label, used_for, needs_text, sort_order) VALUES
  ('A. 核發時數與出席情形不符', 'roster', FALSE, 110),
  ('B. 名單有非在職或資料錯誤之教師', 'roster', FALSE, 120),
  ('C. 未報名之參加者，請說明', 'roster', FALSE, 130),
  ('D. 自行填寫時數之理由不足', 'roster', FALSE, 140),
  ('E. 單日跨課程超過 6 小時，請確認', 'roster', FALSE, 150),
  ('Z. 其他', 'roster', TRUE, 190);
