// Compiles every out-of-line part of zhquant; include it in exactly one .cpp file of a program
// built with ZHQUANT_SEPARATE_COMPILATION (see config.hpp).
#pragma once

#if !defined(ZHQUANT_SEPARATE_COMPILATION)
#error "zhquant/src.hpp is for builds that define ZHQUANT_SEPARATE_COMPILATION"
#endif

#include <zhquant/impl/number_rule.ipp>
#include <zhquant/impl/find_numbers.ipp>
#include <zhquant/impl/parse_number.ipp>
#include <zhquant/impl/scan_mentions.ipp>
#include <zhquant/impl/mentions.ipp>
