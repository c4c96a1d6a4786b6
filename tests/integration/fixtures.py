"""Test data made straight in the database, and removed again: courses of 內壢國中 copied from
5600001 with the sessions asked for, teachers with fresh valid 身分證字號 and the demo password,
enrolments in any state. One Fixtures per test module; call cleanup() in tearDownModule.
"""
import random

import portal
from portal import sql, sql_str, sql_value, unique, with_check_digit

UNIT = 4  # 內壢國中, the demo `organizer`'s unit (桃園市, reviewed by `reviewer`)


class Fixtures:
    def __init__(self):
        self.made_courses = []
        self.made_teachers = []

    def course(self, title_prefix="測試研習", days=(-3,), start="09:00", end="12:00", breaks="10:30-10:40",
               state="approved", hours=None, credits=0, class_kind=None, seats=30):
        """A course with one session on each of `days` (days from today; negative: past) from
        `start` to `end`. `hours` defaults to the 第10條 hours of those sessions as the portal
        would declare them (3 a morning). Returns its code."""
        rng = random.SystemRandom()
        while True:
            code = f"596{rng.randrange(10000):04d}"
            if sql_value(f"SELECT COUNT(*) FROM course WHERE code = '{code}'") == "0":
                break
        first, last = min(days), max(days)
        declared = (3 * len(days) if hours is None else hours) if not credits else 0
        kind = class_kind or ("credit" if credits else "non_credit")
        sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school,"
            " category_id, subject_area, levels, outline, hours, credits, class_count, seats_per_class,"
            " online_seats, seats_taken, enrol_online, auto_review, contact1_name, contact1_phone,"
            " contact1_email, state, first_date, last_date)"
            f" SELECT '{code}', unit_id, organizer_id, review_unit_id, {sql_str(unique(title_prefix))}, '{kind}',"
            f" FALSE, category_id, subject_area, levels, outline, {declared}, {credits}, 1, {seats}, {seats}, 0,"
            f" TRUE, FALSE, contact1_name, contact1_phone, contact1_email, '{state}',"
            f" CURDATE() + INTERVAL {first} DAY, CURDATE() + INTERVAL {last} DAY FROM course WHERE code = '5600001'")
        cid = self.course_id(code)
        for d in sorted(days):
            sql("INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES"
                f" ({cid}, CURDATE() + INTERVAL {d} DAY, '{start}', '{end}', '{breaks}', '本校視聽教室')")
        self.made_courses.append(code)
        return code

    @staticmethod
    def course_id(code):
        return int(sql_value(f"SELECT id FROM course WHERE code = '{code}'"))

    def teachers(self, names, unit_id=UNIT, employment="active"):
        """Teachers made in one statement; their ids in the order of `names`."""
        rng = random.SystemRandom()
        nids = set()
        while len(nids) < len(names):
            nids.add(with_check_digit(rng.choice("QRSTUVWXYZ") + rng.choice("12") +
                                      "".join(rng.choice("0123456789") for _ in range(7))))
        nids = sorted(nids)
        if portal.teacher_ids_by_nid(nids):
            return self.teachers(names, unit_id, employment)  # a clash with an existing teacher: draw again
        unit = "NULL" if unit_id is None else int(unit_id)
        rows = ", ".join(f"({sql_str(nid)}, {portal.nid_values(nid)}, {sql_str(name)})"
                         for nid, name in zip(nids, names))
        sql("INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, unit_id, employment, title_name,"
            " email, password_hash)"
            f" SELECT v.hmac, v.enc, v.name, 'F', {unit}, '{employment}', '專任教師',"
            " CONCAT('t', LEFT(v.hmac, 16), '@example.edu.tw'),"
            " a.password_hash FROM (SELECT NULL AS nid, NULL AS hmac, NULL AS enc, NULL AS name UNION ALL VALUES "
            + rows + ") v"
            f" JOIN teacher a ON {portal.nid_where('A123456789', 'a')} WHERE v.nid IS NOT NULL")
        by_nid = portal.teacher_ids_by_nid(nids)
        ids = [by_nid[n] for n in nids]
        self.made_teachers.extend(ids)
        return ids

    @staticmethod
    def national_id(teacher_id):
        return portal.national_id_of(teacher_id)

    def enrolment(self, code, teacher_id, status="approved"):
        """An enrolment put straight into `status`; one holding a seat takes it."""
        cid = self.course_id(code)
        sql(f"INSERT INTO enrolment (course_id, teacher_id, status, waiting_since, decided_at, approved_at) VALUES"
            f" ({cid}, {teacher_id}, '{status}', IF('{status}' = 'waiting', NOW(3), NULL),"
            f" IF('{status}' = 'approved', NOW(), NULL), IF('{status}' = 'approved', NOW(), NULL))")
        if status in ("pending", "approved"):
            sql(f"UPDATE course SET seats_taken = seats_taken + 1 WHERE id = {cid}")
        return int(sql_value(f"SELECT id FROM enrolment WHERE course_id = {cid} AND teacher_id = {teacher_id}"))

    def cleanup(self):
        for code in self.made_courses:
            cid = self.course_id(code)
            sql(f"DELETE FROM study_record WHERE course_id = {cid} ORDER BY correction_no DESC")
            sql(f"DELETE FROM roster_entry WHERE course_id = {cid}")
            sql("DELETE r FROM course_history_reason r JOIN course_history h ON h.id = r.history_id"
                f" WHERE h.course_id = {cid}")
            for table in ("enrolment", "course_session", "course_history", "course_tag"):
                sql(f"DELETE FROM {table} WHERE course_id = {cid}")
            sql(f"DELETE FROM course_search WHERE course_id = {cid}")
            sql(f"DELETE FROM course WHERE id = {cid}")
        if self.made_teachers:
            ids = ",".join(str(t) for t in self.made_teachers)
            for table in ("web_session", "enrolment", "roster_entry"):
                sql(f"DELETE FROM {table} WHERE teacher_id IN ({ids})")
            sql(f"DELETE FROM study_record WHERE teacher_id IN ({ids}) ORDER BY correction_no DESC")
            sql(f"DELETE FROM teacher WHERE id IN ({ids})")
