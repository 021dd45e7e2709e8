// How many terminal columns a UTF-8 string takes: East Asian wide and fullwidth characters
// (汉字, fullwidth ，％) take two, combining marks none, everything else one.
//
//     display_width("598万元") == 7
#pragma once

#include <cstddef>
#include <string_view>

std::size_t display_width(std::string_view utf8);

// The length of the UTF-8 sequence at s[i], or 0 when it is not a valid one.
std::size_t sequence_length(std::string_view s, std::size_t i);
