// How zhquant is compiled: header-only by default, or once in a translation unit of your own.
//
// Header-only is the easy path: include the headers and call the functions.  A program with
// many translation units can instead compile the grammars once, as Boost.Asio allows:
//
//     // in every translation unit (e.g. through the build system):
//     #define ZHQUANT_SEPARATE_COMPILATION
//     // in exactly one .cpp file:
//     #include <zhquant/src.hpp>
//
// Spirit X3 grammars are heavy to compile; the second form keeps that cost in one file.
#pragma once

#if defined(ZHQUANT_SEPARATE_COMPILATION)
#define ZHQUANT_DECL
#else
#define ZHQUANT_DECL inline
#endif

// For the few functions of the inner loops that the compiler would otherwise call per character,
// and for the rare slow part of one, kept out of line so that the rest is inlined.
#if defined(__GNUC__) || defined(__clang__)
#define ZHQUANT_ALWAYS_INLINE [[gnu::always_inline]] inline
#define ZHQUANT_NOINLINE [[gnu::noinline]]
#else
#define ZHQUANT_ALWAYS_INLINE inline
#define ZHQUANT_NOINLINE
#endif
