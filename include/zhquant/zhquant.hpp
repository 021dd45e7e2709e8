// All of zhquant in one include.
//
//     #include <zhquant/zhquant.hpp>
//
//     auto found = zhquant::find_numbers("完成税收598万元，同比增长8.3%");
//     for (auto const& n : found.numbers) std::cout << n.value.to_string() << '\n';
//     // 598万 is 5980000; then 8.3
//
// Header-only by default; see config.hpp for compiling the grammars once instead.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/error.hpp>
#include <zhquant/numbers.hpp>
