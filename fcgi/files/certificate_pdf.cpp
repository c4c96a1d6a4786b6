// files/certificate_pdf.cpp: drawing the 研習證明 with libharu.
#include "files/certificate_pdf.h"

#include <hpdf.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace files {

namespace {

constexpr float kWidth = 595.28f;  // A4, points
constexpr float kHeight = 841.89f;
constexpr float kMargin = 56.0f;

// libharu reports errors through a callback; a failed load leaves the flag set.
void on_error(HPDF_STATUS, HPDF_STATUS, void* user_data) { *static_cast<bool*>(user_data) = true; }

// The UTF-8 code points of `s`, each as its bytes.
std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

class Sheet {
 public:
  Sheet(HPDF_Page page, HPDF_Font font) : page_(page), font_(font) {}

  float width_of(const std::string& text, float size) {
    HPDF_Page_SetFontAndSize(page_, font_, size);
    return HPDF_Page_TextWidth(page_, text.c_str());
  }

  void text_at(float x, float y, const std::string& text, float size) {
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font_, size);
    HPDF_Page_TextOut(page_, x, y, text.c_str());
    HPDF_Page_EndText(page_);
  }

  void centred(float y, const std::string& text, float size) {
    text_at((kWidth - width_of(text, size)) / 2, y, text, size);
  }

  // Lines of at most `width` points, broken between code points (Chinese has no spaces).
  std::vector<std::string> wrap(const std::string& text, float size, float width) {
    std::vector<std::string> lines(1);
    for (const std::string& cp : code_points(text)) {
      if (!lines.back().empty() && width_of(lines.back() + cp, size) > width) lines.emplace_back();
      lines.back() += cp;
    }
    return lines;
  }

 private:
  HPDF_Page page_;
  HPDF_Font font_;
};

void frame(HPDF_Page page) {
  HPDF_Page_SetRGBStroke(page, 0.36f, 0.27f, 0.12f);
  HPDF_Page_SetLineWidth(page, 2.5f);
  HPDF_Page_Rectangle(page, 28, 28, kWidth - 56, kHeight - 56);
  HPDF_Page_Stroke(page);
  HPDF_Page_SetLineWidth(page, 0.8f);
  HPDF_Page_Rectangle(page, 36, 36, kWidth - 72, kHeight - 72);
  HPDF_Page_Stroke(page);
}

void rule(HPDF_Page page, float y, float half_width) {
  HPDF_Page_SetLineWidth(page, 0.6f);
  HPDF_Page_MoveTo(page, kWidth / 2 - half_width, y);
  HPDF_Page_LineTo(page, kWidth / 2 + half_width, y);
  HPDF_Page_Stroke(page);
}

}  // namespace

std::optional<std::string> certificate_pdf(const Certificate& c, const std::string& font_path,
                                           int font_index) {
  bool failed = false;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> doc(
      HPDF_New(on_error, &failed), HPDF_Free);
  if (!doc) return std::nullopt;
  HPDF_Doc pdf = doc.get();
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  const char* font_name = HPDF_LoadTTFontFromFile2(pdf, font_path.c_str(), font_index, HPDF_TRUE);
  if (failed || !font_name) return std::nullopt;
  HPDF_Font font = HPDF_GetFont(pdf, font_name, "UTF-8");
  if (failed || !font) return std::nullopt;
  HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "研習證明");
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "全國教師在職進修資訊網");

  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  frame(page);
  Sheet sheet(page, font);
  HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);

  sheet.centred(kHeight - 120, "全國教師在職進修資訊網", 14);
  sheet.centred(kHeight - 185, "研　習　證　明", 38);
  rule(page, kHeight - 205, 120);

  // The statement, centred, its course title wrapped on as many lines as it needs.
  float y = kHeight - 265;
  const float body = 16, line = 30, text_width = kWidth - 2 * kMargin - 40;
  sheet.centred(y, "茲證明 " + c.teacher_name + " 君（身分證統一編號 " + c.masked_id + "）", body);
  y -= line;
  const auto title_lines = sheet.wrap("參加「" + c.course_title + "」", body, text_width);
  for (const std::string& l : title_lines) {
    sheet.centred(y, l, body);
    y -= line;
  }
  sheet.centred(y, "研習期滿，特此證明。", body);
  y -= line * 1.6f;

  // The facts, labels right-aligned against their values, the block centred on the page.
  struct Fact {
    std::string label, value;
  };
  const std::vector<Fact> facts = {
      {"研習課程代碼", c.course_code.empty() ? "（非本網課程）" : c.course_code},
      {"開課單位", c.unit},
      {"研習日期", c.dates},
      {"研習時數", c.hours}};
  const float fact_size = 13, gap = 16, max_value = text_width - 100;
  float label_width = 0, value_width = 0;
  for (const Fact& f : facts) {
    label_width = std::max(label_width, sheet.width_of(f.label, fact_size));
    value_width = std::max(value_width, std::min(max_value, sheet.width_of(f.value, fact_size)));
  }
  const float label_right = (kWidth - (label_width + gap + value_width)) / 2 + label_width;
  for (const Fact& f : facts) {
    sheet.text_at(label_right - sheet.width_of(f.label, fact_size), y, f.label, fact_size);
    for (const std::string& v : sheet.wrap(f.value, fact_size, max_value)) {
      sheet.text_at(label_right + gap, y, v, fact_size);
      y -= 22;
    }
    y -= 4;
  }
  if (!c.correction.empty()) {
    y -= 6;
    for (const std::string& l : sheet.wrap(c.correction, 11, text_width)) {
      sheet.centred(y, l, 11);
      y -= 17;
    }
  }

  // The verification block near the foot, then the issue date.
  const float foot = 200;
  rule(page, foot + 52, 170);
  sheet.centred(foot + 26, "驗證碼　" + c.verify_code, 15);
  sheet.centred(foot + 4, "任何人可於 " + c.verify_url + " 查驗本證明", 10.5f);
  sheet.centred(foot - 60, "全國教師在職進修資訊網", 15);
  sheet.centred(foot - 86, "發證日期：中華民國 " + c.issued_on, 12);
  sheet.centred(60, "本證明由系統產生，以驗證碼查驗為準；教師身分證統一編號依個人資料保護法遮蔽。",
                8.5f);

  if (failed || HPDF_SaveToStream(pdf) != HPDF_OK || failed) return std::nullopt;
  std::string out(HPDF_GetStreamSize(pdf), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  return out;
}

}  // namespace files
