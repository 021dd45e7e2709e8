// How many terminal columns a UTF-8 string takes: East Asian wide and fullwidth characters
// (汉字, fullwidth ，％) take two, combining marks none, everything else one.
//
//     display_width("598万元") == 7
#pragma once

#include <cstddef>
#include <string_view>

std::size_t display_width(std::string_view utf8);
