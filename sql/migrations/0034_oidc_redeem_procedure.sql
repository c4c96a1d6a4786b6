-- A code redemption in one round trip (issue 12, bench/oidc/README.md): the claim, the pairwise
-- subject, the token, the disclosure row and the commit were six statements from the worker, and
-- on this hardware most of what a statement costs MariaDB is its round trip, not its SQL. The same
-- statements, in the same transaction, now run inside the server: `CALL oidc_redeem(...)`.
--
-- Outcomes (one result set, column `outcome`):
--   'issued'       the code was claimed and the token stored, all committed; the row carries what
--                  the id_token needs (as sso::sql::Redemption);
--   'may_not_roam' the code was claimed (it stays used) but the teacher reads records only
--                  (第5條), so nothing was issued;
--   'not_claimed'  nothing changed: the code is unknown, used, expired, another partner's, or its
--                  redirect_uri or PKCE challenge differs; the worker asks which, as before.
-- The claim is the same conditional UPDATE as before, so of concurrent redemptions exactly one
-- wins. SQL SECURITY INVOKER: it runs with the portal user's own table privileges.
-- The parameters have their columns' character sets: a utf8mb4 parameter compared with an ascii
-- key cannot use the key, and every statement would scan and lock the whole table.
DELIMITER //
DROP PROCEDURE IF EXISTS oidc_redeem//
CREATE PROCEDURE oidc_redeem(IN p_code_sha256 CHAR(64) CHARACTER SET ascii, IN p_partner_id INT UNSIGNED,
                             IN p_redirect_uri VARCHAR(500), IN p_code_challenge CHAR(43) CHARACTER SET ascii,
                             IN p_token_sha256 CHAR(64) CHARACTER SET ascii, IN p_token_seconds INT,
                             IN p_new_sub CHAR(43) CHARACTER SET ascii)
  MODIFIES SQL DATA SQL SECURITY INVOKER
BEGIN
  DECLARE v_teacher_id INT UNSIGNED;
  DECLARE v_records_only BOOLEAN;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  UPDATE oidc_code SET used_at = NOW(3)
   WHERE code_sha256 = p_code_sha256 AND used_at IS NULL AND expires_at > NOW(3)
     AND partner_id = p_partner_id AND redirect_uri = p_redirect_uri
     AND code_challenge = p_code_challenge;
  IF ROW_COUNT() = 0 THEN
    ROLLBACK;
    SELECT 'not_claimed' AS outcome;
  ELSE
    SELECT c.teacher_id, (t.employment <> 'active' OR t.unit_id IS NULL)
      INTO v_teacher_id, v_records_only
      FROM oidc_code c JOIN teacher t ON t.id = c.teacher_id
     WHERE c.code_sha256 = p_code_sha256;
    IF v_records_only THEN
      COMMIT;
      SELECT 'may_not_roam' AS outcome;
    ELSE
      -- Random (made by the worker), so nothing about the teacher can be derived from it; kept
      -- from the first redemption at this partner on.
      INSERT IGNORE INTO oidc_subject (partner_id, teacher_id, sub)
        VALUES (p_partner_id, v_teacher_id, p_new_sub);
      INSERT INTO oidc_token (token_sha256, partner_id, teacher_id, code_sha256, scope, claims, expires_at)
        SELECT p_token_sha256, p_partner_id, c.teacher_id, p_code_sha256, c.scope, c.claims,
               NOW() + INTERVAL p_token_seconds SECOND
          FROM oidc_code c WHERE c.code_sha256 = p_code_sha256;
      -- The disclosure row is the audit of the issuance: which partner got what of whom, when.
      INSERT INTO partner_disclosure (teacher_id, partner_id, event, claims)
        SELECT c.teacher_id, p_partner_id, 'token', c.claims
          FROM oidc_code c WHERE c.code_sha256 = p_code_sha256;
      COMMIT;
      SELECT 'issued' AS outcome, c.teacher_id, c.nonce, c.scope, c.claims,
             UNIX_TIMESTAMP(c.auth_time) AS auth_time_epoch, s.sub,
             t.name AS teacher_name, u.code AS school_code, u.name AS school_name, t.title_code,
             t.title_name, FALSE AS records_only
        FROM oidc_code c JOIN teacher t ON t.id = c.teacher_id
        LEFT JOIN unit u ON u.id = t.unit_id
        JOIN oidc_subject s ON s.partner_id = c.partner_id AND s.teacher_id = c.teacher_id
       WHERE c.code_sha256 = p_code_sha256;
    END IF;
  END IF;
END//
DELIMITER ;

GRANT EXECUTE ON PROCEDURE oidc_redeem TO 'portal'@'localhost';
