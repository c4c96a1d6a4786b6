#!/usr/bin/env python3
"""Writes the benchmark's national-scale data (SPEC §9) as TSV files for LOAD DATA.

Called by bench/generate.sh, which reads the reference data (counties, categories, tags, the
demo's review units and codes) from the database first and loads the files afterwards. Only the
text-heavy tables are written here (units, business accounts, teachers, courses, sessions, tags);
enrolments, rosters, study records and course history are derived from them in SQL
(INSERT ... SELECT, see generate.sh), which is much faster than writing millions of lines.

    gen.py --scale 1.0 --out DIR --refs DIR --hash HASH [--seed 20260101]

Scale 1.0: about 11,000 units, 250,000 teachers and 500,000 courses of one year.
Deterministic for a given seed and scale; dates are relative to today (the one year of courses
ends about six weeks from now, so some are open for enrolment and most are closed).
"""
import argparse
import bisect
import datetime as dt
import hashlib
import hmac
import os
import random
import sys
import time

# ---------------------------------------------------------------------------------------------
# Word lists (Chinese education terms), so keyword searches hit realistic fractions of courses.

COUNTY_WEIGHT = {  # rough share of schools and teachers
    '臺北市': 11, '新北市': 16, '桃園市': 10, '臺中市': 12, '臺南市': 8, '高雄市': 12, '基隆市': 1.5,
    '新竹市': 2, '嘉義市': 1.2, '新竹縣': 2.5, '苗栗縣': 2.5, '彰化縣': 5.5, '南投縣': 2.5,
    '雲林縣': 3, '嘉義縣': 2.5, '屏東縣': 3.8, '宜蘭縣': 2.2, '花蓮縣': 1.8, '臺東縣': 1.2,
    '澎湖縣': 0.6, '金門縣': 0.4, '連江縣': 0.15,
}
MUNICIPALITIES = {'臺北市', '新北市', '桃園市', '臺中市', '臺南市', '高雄市'}
# First letter of the national ID by place of first registration (with the legacy counties).
ID_LETTER_WEIGHT = {
    'A': 11, 'F': 16, 'H': 10, 'B': 7, 'L': 5, 'D': 4, 'R': 4, 'E': 7, 'S': 5, 'C': 1.5, 'O': 2,
    'I': 1.2, 'J': 2.5, 'K': 2.5, 'N': 5.5, 'M': 2.5, 'P': 3, 'Q': 2.5, 'T': 3.8, 'G': 2.2,
    'U': 1.8, 'V': 1.2, 'X': 0.6, 'W': 0.4, 'Z': 0.15, 'Y': 0.3,
}
ID_LETTER_VALUE = {
    'A': 10, 'B': 11, 'C': 12, 'D': 13, 'E': 14, 'F': 15, 'G': 16, 'H': 17, 'I': 34, 'J': 18,
    'K': 19, 'L': 20, 'M': 21, 'N': 22, 'O': 35, 'P': 23, 'Q': 24, 'R': 25, 'S': 26, 'T': 27,
    'U': 28, 'V': 29, 'W': 32, 'X': 30, 'Y': 31, 'Z': 33,
}

PLACE_CHARS = ('中正仁愛信義和平光復民生忠孝建國興華新安大同永康福德明文山林溪港埔湖潭坑竹東西南北'
               '頂下頭崙厝寮田園美樂豐富成功勝利育英才賢榮昌隆盛清水秀峰青雲龍鳳鶴松柏桂梅蘭蓮'
               '石橋岡崎社里鄉嶺坪莊集瑞祥吉順泰長春秋鹿鳴雙溪蘆洲板樹土城深坑五股三重')
DISTRICT_SUFFIX_COUNTY = ('鄉', '鎮', '市')

SURNAMES = ('陳' * 11 + '林' * 8 + '黃' * 6 + '張' * 5 + '李' * 5 + '王' * 4 + '吳' * 4 + '劉' * 3 +
            '蔡' * 3 + '楊' * 3 + '許曾鄭謝郭洪邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余'
            '盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董唐溫藍蔣石古紀姚連馮歐程湯黃田康姜汪白')
GIVEN_F = '怡君雅婷淑芬佳慧美玲惠如珮瑜欣宜靜雯秀琪思涵筱萱郁芳家瑋詩韻雨庭宛真嘉琳素貞麗華曉蓉'
GIVEN_M = '志明建宏家豪俊傑冠廷承翰文彥信宏哲瑋育誠柏宇政勳偉倫國昌振福耀宗嘉銘正雄士賢冠宇'

TITLES = [('T01', '專任教師', 55), ('T02', '導師', 18), ('T03', '組長', 8), ('T04', '主任', 5),
          ('T05', '校長', 1.5), ('T06', '代理教師', 8), ('T07', '代課教師', 3)]
KG_TITLES = [('K01', '幼兒園教師', 45), ('K02', '教保員', 45), ('K03', '園長', 10)]

SUBJECTS = ['國語文', '英語文', '數學', '自然科學', '社會', '藝術', '綜合活動', '健康與體育', '科技',
            '生活課程', '閩南語文', '客家語文', '原住民族語文', '新住民語文', '特殊教育', '輔導',
            '跨領域', '幼兒教育', '資訊教育', '國際教育', '全民國防教育', '技術型高中專業群科']

THEMES = [
    '素養導向教學', '差異化教學', '閱讀理解策略', '數位學習精進', '生成式AI融入教學', '雙語教學',
    '探究與實作', '自主學習', '學習共同體', '分組合作學習', '班級經營', '親師溝通', '正向管教',
    '社會情緒學習（SEL）', '性別平等教育', '特殊需求學生輔導', '融合教育', '學習扶助', '適性輔導',
    '生涯發展教育', '環境教育', '海洋教育', '防災教育', '食農教育', '戶外教育', '國際教育',
    '人權教育', '法治教育', '資訊安全', '個人資料保護', '程式設計', '運算思維', 'STEAM教育',
    '科學探究', '數學素養', '英語口說', '閩南語教學', '客語沉浸式教學', '原住民族文化',
    '新住民語文', '美感教育', '藝術欣賞', '音樂教學', '體育教學', '水域安全', '校園安全',
    '心肺復甦術（CPR＋AED）', '急救訓練', '兒少保護', '校園霸凌防制', '藥物濫用防制', '自殺防治',
    '心理健康促進', '教師專業學習社群', '公開授課', '共同備課', '觀課與議課', '課程評鑑', '校訂課程',
    '彈性學習課程', '多元選修', '學習歷程檔案', '專題研究', '實驗教育', '幼兒園課程大綱',
    '幼兒觀察評量', '教保服務', '家庭教育', '親職教育', '品德教育', '生命教育', '媒體素養',
    '閱讀推動', '圖書館利用教育', '行動學習', '平板教學', '線上教學', '學習評量', '命題技巧',
    '差異化評量', '補救教學', '技職教育', '產業實習', '職業安全衛生', '實驗室安全', '輔導知能',
    '特教鑑定', '個別化教育計畫（IEP）', '情緒行為支持', '自閉症學生輔導', '學習障礙', '資賦優異',
    '教師法規', '校務行政', '公文寫作', '翻轉教學', '問題導向學習', '專案式學習', '遊戲化教學',
    '桌遊教學', '數位教材製作', '開放教育資源', '因材網', '酷課雲', '均一教育平台', '學習吧',
    '資訊融入教學', '無人機應用', '機器人教育', '人工智慧教育', '永續發展目標（SDGs）',
    '淨零碳排教育', '能源教育', '氣候變遷調適', 'Python程式設計', 'Scratch創意程式',
    'micro:bit創客', 'Google Classroom應用', '書法教學', '繪本教學', '寫作教學', '識字教學',
    '數感培養', '幾何教學', '閱讀素養評量', '科學閱讀', '在地文化課程', '國防教育', '交通安全教育',
]
FORMATS = ['工作坊', '研習', '增能研習', '實作研習', '專題講座', '研討會', '共備社群', '進階班',
           '初階班', '培訓課程', '教學觀摩', '成果發表會', '讀書會', '實務分享', '線上課程']
METHODS = ['實作演練', '案例討論', '分組共備', '專題講座', '課堂觀察', '示範教學', '線上互動',
           '小組分享', '教案設計', '模擬演練', '影片賞析', '參訪交流']
GOALS = ['提升學生學習成效', '掌握十二年國教課綱精神', '精進教學專業', '設計素養導向評量',
         '建立友善校園', '落實適性教學', '強化教師數位教學能力', '發展校本課程', '提升班級經營效能',
         '照顧學生多元需求', '增進親師合作', '培養學生自主學習能力', '落實性別平等觀念',
         '維護校園安全', '厚植雙語教學能量']
SPEAKERS = ['大學教授', '國教輔導團團員', '資深教師', '專家學者', '特教教師', '業界講師',
            '校長', '教育局督學', '心理師', '社工師', '護理師', '消防局講師']
ITEMS = ['筆記型電腦', '平板電腦', '教科書', '自編教材', '學生作品', '環保杯', '充電器']
LEVEL_WORDS = {'kindergarten': '幼兒園', 'elementary': '國小', 'junior_high': '國中',
               'senior_high': '高中', 'vocational_high': '高職', 'special': '特教學校',
               'university': '大專校院'}
ROOMS = ['視聽教室', '會議室', '圖書館', '電腦教室', '禮堂', '多功能教室', '研習教室', '自然教室',
         '線上（Google Meet）', '線上（Microsoft Teams）']
CONTACT_SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭'
CONTACT_TITLES = ['承辦', '組長', '主任', '老師']

# Unit kinds: (level, share of units, teachers weight, course-hosting weight)
UNIT_KINDS = [
    ('kindergarten', 0.55, 6, 6),
    ('elementary', 0.24, 38, 50),
    ('junior_high', 0.068, 45, 55),
    ('senior_high', 0.033, 70, 80),
    ('vocational_high', 0.014, 65, 70),
    ('special_school', 0.0026, 50, 40),
    ('university', 0.013, 25, 150),
    ('teacher_university', 0.0011, 40, 500),
    ('study_centre', 0.005, 3, 900),
    ('social_institution', 0.02, 1, 40),
    ('local_government', 0.0103, 1, 60),
]
LEVELS_OF_UNIT = {
    'kindergarten': ['kindergarten'], 'elementary': ['elementary'], 'junior_high': ['junior_high'],
    'senior_high': ['senior_high'], 'vocational_high': ['vocational_high'],
    'special_school': ['special'], 'university': ['university', 'senior_high'],
    'teacher_university': ['elementary', 'junior_high', 'senior_high', 'special'],
    'study_centre': ['elementary', 'junior_high', 'kindergarten', 'senior_high'],
    'social_institution': ['elementary', 'junior_high', 'kindergarten'],
    'local_government': ['elementary', 'junior_high', 'kindergarten', 'senior_high'],
    'review_body': ['elementary', 'junior_high', 'senior_high', 'kindergarten', 'special'],
}


def tsv_value(v):
    if v is None:
        return '\\N'
    if isinstance(v, bool):
        return '1' if v else '0'
    return str(v)


class Writer:
    def __init__(self, path):
        self.f = open(path, 'w', encoding='utf-8', newline='\n', buffering=1 << 20)
        self.rows = 0

    def row(self, *values):
        self.f.write('\t'.join(map(tsv_value, values)))
        self.f.write('\n')
        self.rows += 1

    def close(self):
        self.f.close()
        return self.rows


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        return [line.rstrip('\n').split('\t') for line in f if line.strip()]


class Sealer:
    """teacher.national_id_hmac and national_id_enc (hex, for LOAD DATA's UNHEX) of a 身分證字號,
    with the instance's keys in var/bench/secrets (fcgi/core/pii.h: version 1 | nonce | AES-256-GCM
    ciphertext | tag, the version byte authenticated)."""

    def __init__(self, secrets_dir):
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        with open(os.path.join(secrets_dir, 'pii.key'), 'rb') as f:
            self.aes = AESGCM(f.read())
        with open(os.path.join(secrets_dir, 'pii-hmac.key'), 'rb') as f:
            self.hmac_key = f.read()

    def key(self, nid):
        return hmac.new(self.hmac_key, nid.encode(), hashlib.sha256).hexdigest()

    def sealed_hex(self, nid):
        nonce = os.urandom(12)
        return (b'\x01' + nonce + self.aes.encrypt(nonce, nid.encode(), b'\x01')).hex()


def national_id(rng, letter, gender_digit):
    digits = [gender_digit] + [rng.randrange(10) for _ in range(7)]
    v = ID_LETTER_VALUE[letter]
    s = v // 10 + (v % 10) * 9 + sum(d * w for d, w in zip(digits, range(8, 0, -1)))
    check = (10 - s % 10) % 10
    return letter + ''.join(map(str, digits)) + str(check)


def valid_national_id(nid):
    if len(nid) != 10 or nid[0] not in ID_LETTER_VALUE or not nid[1:].isdigit():
        return False
    v = ID_LETTER_VALUE[nid[0]]
    d = [int(c) for c in nid[1:]]
    s = v // 10 + (v % 10) * 9 + sum(x * w for x, w in zip(d[:8], range(8, 0, -1))) + d[8]
    return s % 10 == 0


class Picker:
    """Weighted choice by bisect over cumulative weights (fast for hundreds of thousands)."""

    def __init__(self, items, weights):
        self.items = items
        self.cum = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rng):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def place_name(rng):
    return rng.choice(PLACE_CHARS) + rng.choice(PLACE_CHARS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--out', required=True)
    ap.add_argument('--refs', required=True)
    ap.add_argument('--hash', required=True)
    ap.add_argument('--seed', type=int, default=20260101)
    ap.add_argument('--base-id', type=int, default=1000)
    ap.add_argument('--secrets', required=True, help='the directory of pii.key and pii-hmac.key')
    args = ap.parse_args()
    assert valid_national_id('A123456789')

    rng = random.Random(args.seed)
    scale = args.scale
    out = args.out
    os.makedirs(out, exist_ok=True)
    base = args.base_id
    today = dt.date.today()
    now = dt.datetime.now().replace(microsecond=0)

    # Reference data read from the database by generate.sh.
    counties = [(int(r[0]), r[1]) for r in read_tsv(os.path.join(args.refs, 'county.tsv'))]
    categories = [int(r[0]) for r in read_tsv(os.path.join(args.refs, 'category.tsv'))]
    tags = [(int(r[0]), r[1]) for r in read_tsv(os.path.join(args.refs, 'tag.tsv'))]
    review_rows = read_tsv(os.path.join(args.refs, 'review_units.tsv'))  # id, county, code, name
    existing_unit_codes = {r[0] for r in read_tsv(os.path.join(args.refs, 'unit_codes.tsv'))}
    existing_course_codes = {r[0] for r in read_tsv(os.path.join(args.refs, 'course_codes.tsv'))}
    sealer = Sealer(args.secrets)
    existing_keys = {r[0] for r in read_tsv(os.path.join(args.refs, 'national_id_keys.tsv'))}
    existing_accounts = {r[0] for r in read_tsv(os.path.join(args.refs, 'account_names.tsv'))}
    if not counties or not categories:
        sys.exit('gen.py: the reference tables (county, category) are empty')

    t0 = time.time()
    # ----------------------------------------------------------------------------- units
    n_units = max(60, round(11000 * scale))
    county_name = dict(counties)
    county_review = {}   # county id -> review unit id (教育局/處)
    national_review = None
    for uid, cid, code, name in review_rows:
        if name.endswith('教育局') or name.endswith('教育處'):
            county_review.setdefault(int(cid), int(uid))
        elif national_review is None:
            national_review = int(uid)

    units = []  # dicts: id, code, name, county, level, ownership, authority, review, is_review
    next_unit = base
    next_code = 700000

    def new_code():
        nonlocal next_code
        while str(next_code) in existing_unit_codes:
            next_code += 1
        c = str(next_code)
        next_code += 1
        return c

    def add_unit(name, cid, level, ownership, authority, review, is_review):
        nonlocal next_unit
        u = dict(id=next_unit, code=new_code(), name=name, county=cid, level=level,
                 ownership=ownership, authority=authority, review=review, is_review=is_review)
        next_unit += 1
        units.append(u)
        return u

    if national_review is None:
        national_review = add_unit('國家教育研究院', 6 if 6 in county_name else counties[0][0],
                                   'review_body', 'national', None, None, True)['id']
    for cid, cname in counties:
        if cid not in county_review:
            bureau = cname + ('政府教育局' if cname in MUNICIPALITIES else '政府教育處')
            county_review[cid] = add_unit(bureau, cid, 'review_body',
                                          'municipal' if cname in MUNICIPALITIES else 'county',
                                          None, None, True)['id']

    county_picker = Picker([c for c, _ in counties],
                           [COUNTY_WEIGHT.get(n, 1.0) for _, n in counties])
    kind_picker = Picker(UNIT_KINDS, [k[1] for k in UNIT_KINDS])
    teacher_weight = {k[0]: k[2] for k in UNIT_KINDS}
    course_weight = {k[0]: k[3] for k in UNIT_KINDS}
    course_weight['review_body'] = 800

    while len(units) + len(review_rows) < n_units:
        level = kind_picker.pick(rng)[0]
        cid = county_picker.pick(rng)
        cname = county_name[cid]
        muni = cname in MUNICIPALITIES
        local = 'municipal' if muni else 'county'
        place = place_name(rng)
        district = place_name(rng)[0] + place_name(rng)[1] + ('區' if muni else rng.choice(DISTRICT_SUFFIX_COUNTY))
        bureau = county_review[cid]
        ownership, authority, review = local, bureau, bureau
        if level == 'kindergarten':
            if rng.random() < 0.6:
                ownership, name = 'private', f'{cname}私立{place}幼兒園'
            elif rng.random() < 0.5:
                name = f'{cname}{district}{place}國民小學附設幼兒園'
            else:
                name = f'{cname}立{place}幼兒園'
        elif level == 'elementary':
            if rng.random() < 0.03:
                ownership, name = 'private', f'{cname}私立{place}國民小學'
            else:
                name = f'{cname}{district}{place}國民小學'
        elif level == 'junior_high':
            if rng.random() < 0.05:
                ownership, name = 'private', f'{cname}私立{place}高級中學國中部'
            else:
                name = f'{cname}立{place}國民中學'
        elif level == 'senior_high':
            r = rng.random()
            if r < 0.2:
                ownership, authority, name = 'national', national_review, f'國立{place}高級中學'
            elif r < 0.6:
                ownership, name = 'private', f'{cname}私立{place}高級中學'
            else:
                name = f'{cname}立{place}高級中學'
        elif level == 'vocational_high':
            kind = rng.choice(['高級工業職業學校', '高級商業職業學校', '高級農工職業學校',
                               '高級家事商業職業學校', '高級海事水產職業學校'])
            if rng.random() < 0.5:
                ownership, authority, name = 'national', national_review, f'國立{place}{kind}'
            else:
                ownership, name = 'private', f'{cname}私立{place}{kind}'
        elif level == 'special_school':
            ownership, authority, name = 'national', national_review, f'國立{place}特殊教育學校'
        elif level in ('university', 'teacher_university'):
            if level == 'teacher_university':
                name = f'國立{place}' + rng.choice(['教育大學', '師範大學'])
                ownership = 'national'
            elif rng.random() < 0.4:
                ownership, name = 'national', f'國立{place}大學'
            else:
                ownership, name = 'private', f'{place}' + rng.choice(['大學', '科技大學', '學院'])
            authority, review = national_review, national_review
        elif level == 'study_centre':
            name = rng.choice([f'{cname}教師研習中心', f'{cname}教育發展中心',
                               f'{cname}{place}教師專業發展中心', f'{cname}國民教育輔導團'])
        elif level == 'social_institution':
            ownership = 'other'
            name = rng.choice([f'財團法人{place}文教基金會', f'社團法人{cname}{place}教育協會',
                               f'{cname}{place}社區大學'])
        else:  # local_government
            name = f'{cname}政府' + rng.choice(['社會局', '衛生局', '文化局', '消防局', '環境保護局',
                                                '警察局', '家庭教育中心', '原住民族行政局'])
            if not muni:
                name = name.replace('社會局', '社會處').replace('文化局', '文化處')
        add_unit(name, cid, level, ownership, authority, review, False)

    w = Writer(os.path.join(out, 'unit.tsv'))
    for u in units:
        w.row(u['id'], u['code'], u['name'], u['county'], u['level'], u['ownership'],
              u['authority'], u['review'], u['is_review'])
    n = w.close()
    print(f'  units: {n} (+{len(review_rows)} existing review units)', flush=True)

    # ----------------------------------------------------------------------------- accounts
    accounts = {}  # unit id -> organizer account id
    w = Writer(os.path.join(out, 'business_account.tsv'))
    acc_id = base
    for u in units:
        kinds = [('rev', 'reviewer'), ('org', 'organizer')] if u['is_review'] else [('org', 'organizer')]
        for prefix, kind in kinds:
            name = prefix + u['code']
            if name in existing_accounts:
                continue
            person = rng.choice(CONTACT_SURNAMES) + rng.choice(CONTACT_TITLES)
            w.row(acc_id, name, person, u['id'], kind, (now - dt.timedelta(days=400)).isoformat(' '),
                  None, f'{name}@example.edu.tw',
                  f'0{rng.randint(2, 8)}-{rng.randint(2000000, 9999999)}',
                  args.hash, (now - dt.timedelta(days=420)).isoformat(' '))
            if kind == 'organizer':
                accounts[u['id']] = (acc_id, person)
            acc_id += 1
    n = w.close()
    print(f'  business accounts: {n}', flush=True)

    # ----------------------------------------------------------------------------- teachers
    n_teachers = max(200, round(250000 * scale))
    schools = [u for u in units if not u['is_review']]
    unit_picker = Picker(schools, [teacher_weight[u['level']] for u in schools])
    letter_picker = Picker(list(ID_LETTER_WEIGHT), list(ID_LETTER_WEIGHT.values()))
    title_picker = Picker(TITLES, [t[2] for t in TITLES])
    kg_title_picker = Picker(KG_TITLES, [t[2] for t in KG_TITLES])
    surname_len = len(SURNAMES)
    seen = set()
    w = Writer(os.path.join(out, 'teacher.tsv'))
    created = (now - dt.timedelta(days=700)).isoformat(' ')
    for i in range(n_teachers):
        tid = base + i
        female = rng.random() < 0.7
        letter = letter_picker.pick(rng)
        while True:
            nid = national_id(rng, letter, 2 if female else 1)
            if nid not in seen and sealer.key(nid) not in existing_keys:
                seen.add(nid)
                break
        given = GIVEN_F if female else GIVEN_M
        name = SURNAMES[rng.randrange(surname_len)] + given[rng.randrange(len(given))] + \
            given[rng.randrange(len(given))]
        unit = unit_picker.pick(rng)
        kg = unit['level'] == 'kindergarten'
        code, title, _ = (kg_title_picker if kg else title_picker).pick(rng)
        r = rng.random()
        employment, note, unit_id = 'active', None, unit['id']
        if r < 0.03:
            employment, note = 'retired', '已退休（總負責人登錄）'
            unit_id = None if rng.random() < 0.5 else unit_id
        elif r < 0.05:
            employment, note, unit_id = 'left', '已離職（總負責人登錄）', None
        elif r < 0.06:
            employment, note = 'transferred', '已調校，待新服務學校確認'
        elif r < 0.065:
            employment, note = 'not_renewed', '代理期滿未續聘'
        elif r < 0.07:
            employment, note = 'suspended', '留職停薪中'
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        email = f't{tid}@example.edu.tw' if rng.random() < 0.8 else None
        phone = f'09{rng.randrange(10**8):08d}' if rng.random() < 0.6 else None
        w.row(tid, sealer.key(nid), sealer.sealed_hex(nid), name, 'F' if female else 'M', birth.isoformat(), email, phone, unit_id,
              code, title, employment, note, kg, args.hash, created)
    n = w.close()
    print(f'  teachers: {n}', flush=True)

    # ----------------------------------------------------------------------------- courses
    n_courses = max(500, round(500000 * scale))
    hosts = units  # review bodies host courses too
    host_picker = Picker(hosts, [course_weight.get(u['level'], 40) for u in hosts])
    tag_ids = [t for t, _ in tags]
    tag_name = dict(tags)
    wc = Writer(os.path.join(out, 'course.tsv'))
    ws = Writer(os.path.join(out, 'course_session.tsv'))
    wt = Writer(os.path.join(out, 'course_tag.tsv'))
    sessions_templates = [  # starts, ends, breaks, hours, weight
        ('09:00', '12:00', '10:30-10:40', 3, 40), ('13:30', '16:30', '15:00-15:10', 3, 25),
        ('09:00', '16:00', '12:00-13:00', 6, 20), ('14:00', '16:00', '', 2, 8),
        ('18:30', '21:30', '', 3, 4), ('08:30', '16:30', '12:00-13:00', 7, 3)]
    session_picker = Picker(sessions_templates, [s[4] for s in sessions_templates])
    seat_picker = Picker([20, 25, 30, 35, 40, 50, 60, 80, 100], [5, 8, 20, 10, 25, 12, 10, 5, 5])
    code_no = 5500000
    course_id = base
    year_prefix = today.year - 1911
    for i in range(n_courses):
        while str(code_no) in existing_course_codes:
            code_no += 1
        code = str(code_no)
        code_no += 1
        host = host_picker.pick(rng)
        organizer = accounts[host['id']]
        org_id, org_person = organizer
        review = host['review'] or county_review[host['county']]
        cname = county_name[host['county']]
        subject = rng.choice(SUBJECTS)
        theme = rng.choice(THEMES)
        theme2 = rng.choice(THEMES)
        fmt = rng.choice(FORMATS)
        r = rng.random()
        if r < 0.35:
            title = f'{theme}{fmt}'
        elif r < 0.55:
            title = f'{theme}融入{subject}教學{fmt}'
        elif r < 0.70:
            title = f'{subject}領域{theme}{fmt}'
        elif r < 0.82:
            title = f'{theme}：{theme2}{fmt}'
        elif r < 0.92:
            title = f'{year_prefix}年度{cname}{theme}{fmt}（第{rng.randint(1, 6)}場）'
        else:
            title = f'{host["name"]}{theme}{fmt}'
        levels = LEVELS_OF_UNIT.get(host['level'], ['elementary'])
        lv = sorted(set(rng.sample(levels, k=min(len(levels), rng.choice([1, 1, 1, 2, 3])))))
        levels_set = ','.join(lv)
        a, b, c3 = rng.sample(THEMES, 3)
        outline = [f'本研習以{theme}為主軸，透過{rng.choice(METHODS)}與{rng.choice(METHODS)}，'
                   f'協助教師{rng.choice(GOALS)}。',
                   f'課程內容包含{a}、{b}及{c3}，並安排{rng.choice(METHODS)}。']
        if rng.random() < 0.6:
            outline.append(f'邀請{rng.choice(SPEAKERS)}分享{subject}領域的{theme2}實務經驗，'
                           f'並與參與教師交流{rng.choice(GOALS)}的具體作法。')
        if rng.random() < 0.4:
            outline.append(f'適合{"、".join(LEVEL_WORDS[x] for x in lv)}教師參加，'
                           f'請攜帶{rng.choice(ITEMS)}。')
        if rng.random() < 0.3:
            outline.append(f'完成研習者核發研習時數，全程參與者另頒發研習證明。')
        outline = ''.join(outline)

        # dates: one year of courses, ending about six weeks from today
        first = today + dt.timedelta(days=rng.randint(-320, 44))
        if first.weekday() == 6:
            first -= dt.timedelta(days=1)
        k = rng.choices([1, 2, 3], [60, 30, 10])[0]
        gap = 1 if rng.random() < 0.5 else 7
        sess = []
        hours = 0
        for j in range(k):
            s = session_picker.pick(rng)
            d = first + dt.timedelta(days=j * gap)
            sess.append((d, s))
            hours += s[3]
        last = sess[-1][0]
        credit = rng.random() < 0.03
        class_kind = 'credit' if credit else ('degree' if rng.random() < 0.005 else 'non_credit')
        credits = rng.choice([1, 2]) if class_kind != 'non_credit' else 0
        cross = rng.random() < 0.6
        basis = f'{cname[0]}教字第{year_prefix}{rng.randrange(10**7):07d}號' if cross or rng.random() < 0.3 else None
        seats = seat_picker.pick(rng)
        class_count = 2 if rng.random() < 0.05 else 1
        online = class_count * seats - (rng.choice([0, 0, 0, 2, 5]) if seats > 20 else 0)
        enrol_online = rng.random() < 0.88
        opens = dt.datetime.combine(first - dt.timedelta(days=rng.randint(20, 45)),
                                    dt.time(rng.choice([9, 12, 0])))
        closes = dt.datetime.combine(first - dt.timedelta(days=rng.randint(1, 7)), dt.time(17))
        auto_review = rng.random() < 0.35
        created_at = opens - dt.timedelta(days=rng.randint(3, 30), hours=rng.randint(0, 12),
                                          minutes=rng.randint(0, 59))
        created_at = min(created_at, now - dt.timedelta(hours=1))
        # state
        r = rng.random()
        if last < today:
            state = ('closed' if r < 0.88 else 'roster_submitted' if r < 0.93 else
                     'roster_returned' if r < 0.94 else 'approved' if r < 0.97 else
                     'deleted' if r < 0.985 else 'returned' if r < 0.99 else 'unconfirmed')
        elif first <= today:
            state = 'approved'
        else:
            state = ('approved' if r < 0.85 else 'unconfirmed' if r < 0.94 else
                     'returned' if r < 0.97 else 'deleted')
        # enrolments (approved or pending): derived rows are made in SQL from seats_taken
        if state in ('closed', 'roster_submitted', 'roster_returned') or \
                (state == 'approved' and closes <= now):
            taken = min(online, rng.randint(6, 22))
        elif state == 'approved' and opens <= now:
            taken = min(online, rng.randint(0, 20))
        else:
            taken = 0
        subsidy = '本研習由教育部補助辦理' if rng.random() < 0.1 else None
        c1 = f'{org_person}'
        phone = f'0{rng.randint(2, 8)}-{rng.randint(2000000, 9999999)}#{rng.randint(100, 999)}'
        email = f'org{host["code"]}@example.edu.tw'
        two = rng.random() < 0.3
        wc.row(course_id, code, host['id'], org_id, review, title, class_kind, cross,
               rng.choice(categories), subject, levels_set, basis, None, outline, hours, credits,
               class_count, seats, online, taken, enrol_online,
               opens.isoformat(' '), closes.isoformat(' '), auto_review, subsidy,
               c1, phone, email,
               rng.choice(CONTACT_SURNAMES) + '主任' if two else None,
               phone if two else None, email if two else None,
               state, first.isoformat(), last.isoformat(), False,
               created_at.isoformat(' '), created_at.isoformat(' '))
        for d, s in sess:
            ws.row(course_id, d.isoformat(), s[0], s[1], s[2], f'{host["name"]} {rng.choice(ROOMS)}')
        if tag_ids and rng.random() < 0.18:
            for t in rng.sample(tag_ids, k=rng.choice([1, 1, 2])):
                wt.row(course_id, t)
        course_id += 1
    print(f'  courses: {wc.close()}, sessions: {ws.close()}, course tags: {wt.close()}', flush=True)
    print(f'  generated in {time.time() - t0:.1f} s', flush=True)


if __name__ == '__main__':
    main()
