#include <doctest/doctest.h>

#include "patsel/compile/front_matter.hpp"

using patsel::compile::split_front_matter;

TEST_CASE("front matter is split from the body") {
  SUBCASE("plain LF page") {
    auto fm = split_front_matter("---\ntitle: A\n---\n## Body\n");
    REQUIRE(fm);
    CHECK(fm.value().yaml == "title: A\n");
    CHECK(fm.value().body == "## Body\n");
    CHECK(fm.value().yaml_line == 2);
    CHECK(fm.value().body_line == 4);
  }
  SUBCASE("a BOM and CRLF line endings are accepted") {
    auto fm = split_front_matter("\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nbody\r\n");
    REQUIRE(fm);
    CHECK(fm.value().yaml == "title: A\n");
    CHECK(fm.value().body == "body\n");
  }
  SUBCASE("'---' inside the body's code blocks stays in the body") {
    auto fm = split_front_matter("---\ntitle: A\n---\n```yaml\n---\nkey: v\n---\n```\n");
    REQUIRE(fm);
    CHECK(fm.value().yaml == "title: A\n");
    CHECK(fm.value().body == "```yaml\n---\nkey: v\n---\n```\n");
  }
  SUBCASE("YAML's document end marker closes it too") {
    auto fm = split_front_matter("---\ntitle: A\n...\nbody");
    REQUIRE(fm);
    CHECK(fm.value().body == "body");
  }
  SUBCASE("no front matter") {
    auto fm = split_front_matter("# Just a page\n");
    REQUIRE_FALSE(fm);
    CHECK(fm.error().to_string() == "[page.no_front_matter] line 1: the page does not start with '---'");
  }
  SUBCASE("unterminated front matter") {
    auto fm = split_front_matter("---\ntitle: A\nbody without a fence\n");
    REQUIRE_FALSE(fm);
    CHECK(fm.error().to_string() == "[page.unterminated_front_matter] line 1: '---' is never closed");
  }
}
