// All of zhquant in one include.
//
//     #include <zhquant/zhquant.hpp>
//
//     auto found = zhquant::find_mentions("完成税收598万元，同比增长8.3%");
//     for (auto const& m : found.mentions) std::cout << m.value_text() << ' ' << m.unit << '\n';
//     // 5980000 元; then 8.3 (a percent)
//
// Numbers, mentions, normalization, the rule DSL and extract().  The project's rule sets are
// headers of their own: #include <zhquant/rules/township_report.hpp>.
//
// Header-only by default; see config.hpp for compiling the grammars once instead.
#pragma once

#include <zhquant/audit.hpp>
#include <zhquant/config.hpp>
#include <zhquant/error.hpp>
#include <zhquant/mentions.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/record.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/rules/rule_set.hpp>
#include <zhquant/text/normalize.hpp>
