-- Each worker keeps the reference lists (counties, categories, tags, return reasons) in memory
-- (shared/reference.h). This number tells it when one of them changed: the triggers below bump it on
-- every write, whoever makes it (the administrator's pages, a migration, a hand-run fix), so a
-- change shows on the next page.
CREATE TABLE reference_generation (
  id TINYINT UNSIGNED PRIMARY KEY,
  value BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO reference_generation (id, value) VALUES (1, 1);

DELIMITER //
CREATE TRIGGER county_written AFTER UPDATE ON county FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER county_added AFTER INSERT ON county FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER county_removed AFTER DELETE ON county FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER category_written AFTER UPDATE ON category FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER category_added AFTER INSERT ON category FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER category_removed AFTER DELETE ON category FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER tag_written AFTER UPDATE ON tag FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER tag_added AFTER INSERT ON tag FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER tag_removed AFTER DELETE ON tag FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER return_reason_written AFTER UPDATE ON return_reason FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER return_reason_added AFTER INSERT ON return_reason FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
CREATE TRIGGER return_reason_removed AFTER DELETE ON return_reason FOR EACH ROW
  UPDATE reference_generation SET value = value + 1 WHERE id = 1//
DELIMITER ;
