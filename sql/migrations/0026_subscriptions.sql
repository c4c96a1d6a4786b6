-- 研習資訊訂閱 (issue 11): a teacher's saved searches, stored as the search page's own query
-- string, and what the daily digest has done: the day it last ran for a teacher (so a teacher gets
-- at most one mail a day, whichever scheduler runs it) and every course it has sent (so a course
-- never reaches the same teacher twice).
CREATE TABLE subscription (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  teacher_id INT UNSIGNED NOT NULL,
  search VARCHAR(600) CHARACTER SET ascii NOT NULL,  -- "q=%E9%96%B1%E8%AE%80&county=3&open=1"
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY (teacher_id, search),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE subscription_digest (
  teacher_id INT UNSIGNED PRIMARY KEY,
  last_run_on DATE NOT NULL,
  FOREIGN KEY (teacher_id) REFERENCES teacher (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE subscription_sent (
  teacher_id INT UNSIGNED NOT NULL,
  course_id INT UNSIGNED NOT NULL,
  sent_on DATE NOT NULL,
  PRIMARY KEY (teacher_id, course_id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id) ON DELETE CASCADE,
  FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE=InnoDB;
