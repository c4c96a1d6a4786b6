#include "files/cells.h"

#include <gtest/gtest.h>

namespace {

TEST(NeutraliseCell, FormulaStartsBecomeText) {
  EXPECT_EQ(files::neutralise_cell("=1+1"), "'=1+1");
  EXPECT_EQ(files::neutralise_cell("+886912345678"), "'+886912345678");
  EXPECT_EQ(files::neutralise_cell("-2"), "'-2");
  EXPECT_EQ(files::neutralise_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(files::neutralise_cell("\tx"), "'\tx");
  EXPECT_EQ(files::neutralise_cell("\rx"), "'\rx");
}

TEST(NeutraliseCell, OrdinaryCellsUnchanged) {
  EXPECT_EQ(files::neutralise_cell(""), "");
  EXPECT_EQ(files::neutralise_cell("王小明"), "王小明");
  EXPECT_EQ(files::neutralise_cell("A123456789"), "A123456789");
  EXPECT_EQ(files::neutralise_cell("a=b"), "a=b");
  EXPECT_EQ(files::neutralise_cell(" =x"), " =x");
}

}  // namespace
