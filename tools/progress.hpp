// A progress bar on standard error, for many documents:
//
//     [==============>               ]  21/40  seeds/003.txt
//
// Drawn only when standard error is a terminal and there are at least `min_files` documents;
// otherwise every call does nothing.  clear() takes the bar away before other messages; the next
// step() draws it again.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

class progress_bar {
public:
    static constexpr std::size_t min_files = 20;

    progress_bar(std::size_t total, bool allowed);
    progress_bar(progress_bar const&) = delete;
    progress_bar& operator=(progress_bar const&) = delete;
    ~progress_bar() { clear(); }

    bool shown() const noexcept { return enabled_; }
    // One more document done; `name` is the one finished.
    void step(std::string_view name);
    void clear();

private:
    void draw(std::string_view name);

    std::size_t total_;
    std::size_t done_ = 0;
    bool enabled_;
    bool visible_ = false;
    std::chrono::steady_clock::time_point last_{};
};
