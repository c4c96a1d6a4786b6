-- 抽籤 (issue 8, SPEC §11): a course's seats given by a draw instead of first come. The seed is
-- fixed when 抽籤 is chosen and only its SHA-256 is public until the draw (drawn_at, set once by
-- the scheduler's conditional write, never twice); then the seed is shown with draw_entry, the
-- applicants in draw order as the draw saw them, so anyone can recompute it.
ALTER TABLE course
  ADD COLUMN seat_mode ENUM('first_come', 'lottery') NOT NULL DEFAULT 'first_come' AFTER online_seats,
  ADD COLUMN draw_at DATETIME NULL AFTER seat_mode,
  ADD COLUMN draw_seed CHAR(43) CHARACTER SET ascii NULL AFTER draw_at,  -- 32 random bytes, base64url
  ADD COLUMN drawn_at DATETIME NULL AFTER draw_seed,
  ADD CONSTRAINT lottery_has_a_draw
    CHECK (seat_mode = 'first_come' OR (draw_at IS NOT NULL AND draw_seed IS NOT NULL)),
  ADD KEY due_draws (seat_mode, drawn_at, draw_at);

-- 待抽籤: applied before the draw; holds no seat and is not on the waiting list.
ALTER TABLE enrolment
  MODIFY status ENUM('pending', 'approved', 'rejected', 'cancelled', 'waiting', 'in_draw') NOT NULL;

-- The published draw: position 1 is the first drawn. enrolment_id is the applicant's public
-- reference (抽籤編號), no_show the SPEC §6 flag at the draw, won whether the draw gave a seat.
CREATE TABLE draw_entry (
  course_id INT UNSIGNED NOT NULL,
  position INT UNSIGNED NOT NULL,
  enrolment_id BIGINT UNSIGNED NOT NULL,
  no_show BOOLEAN NOT NULL,
  won BOOLEAN NOT NULL,
  PRIMARY KEY (course_id, position),
  UNIQUE KEY one_entry (course_id, enrolment_id),
  FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
  FOREIGN KEY (enrolment_id) REFERENCES enrolment (id) ON DELETE CASCADE
) ENGINE=InnoDB;
