#!/usr/bin/python3
"""Writes the upload benchmark's workbook (bench/read_roster.cpp): a 研習名單匯出 with a 研習時數
column added, as an organizer would upload it, with python3-openpyxl (Debian's).

    /usr/bin/python3 bench/make_roster_xlsx.py var/bench/roster-2000.xlsx [rows] [ids-file]

The 身分證字號 are a fixed sequence of valid numbers, or, with ids-file (one number a line, at
least `rows` of them), those: real teachers' numbers, so that the portal accepts the rows
(bench/roster_bench.py).
"""
import os
import random
import sys

import openpyxl

CODES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29,
                  32, 30, 31, 33]))


def national_id(n):
    """The n-th valid 身分證字號 of a sequence (letter, sex digit, seven digits, check digit)."""
    letter = "ABCDEFGHJKLMNPQRSTUVXYWZIO"[n % 26]
    prefix = letter + "12"[n // 26 % 2] + "%07d" % (n // 52)
    code = CODES[letter]
    total = code // 10 + code % 10 * 9 + sum(int(d) * w for d, w in zip(prefix[1:], range(8, 0, -1)))
    return prefix + str((10 - total % 10) % 10)


def main():
    path = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            ids = [line.strip() for line in f if line.strip()]
        if len(ids) < rows:
            sys.exit(f"{sys.argv[3]}: {len(ids)} numbers, {rows} rows asked")
    else:
        ids = [national_id(i) for i in range(rows)]
    rng = random.Random(9)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "研習名單"
    ws.append(["服務學校", "職位類別", "姓名", "性別", "身分證字號", "出生日期", "電話", "電子郵件", "研習時數"])
    for i in range(rows):
        ws.append(["桃園市立內壢國民中學", "合格專任教師", "教師%04d" % i, "女" if i % 2 else "男", ids[i],
                   "1980-%02d-%02d" % (i % 12 + 1, i % 28 + 1), "03-%07d" % i, "t%04d@example.tw" % i,
                   rng.choice([3, 3, 3, 2, 0])])
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    wb.save(path)


main()
