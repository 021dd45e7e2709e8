// Errors are values: a failed parse says where it stopped and why, and nothing is thrown.
//
//     zhquant::result<zhquant::parsed_number> r = zhquant::parse_number("10..1万");
//     if (!r) std::cerr << r.error().offset << ": " << r.error().message << '\n';
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace zhquant {

// A problem found in a text: `offset` is a byte offset into the text that was given.
struct error {
    std::size_t offset = 0;
    std::string message;

    friend bool operator==(error const&, error const&) = default;
};

// A value or the error that prevented it.
template <class T>
class result {
public:
    result(T value) : state_(std::move(value)) {}
    result(zhquant::error e) : state_(std::move(e)) {}

    explicit operator bool() const noexcept { return state_.index() == 0; }
    bool has_value() const noexcept { return state_.index() == 0; }

    T const& value() const& { return std::get<0>(state_); }
    T& value() & { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T const& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T const* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    zhquant::error const& error() const& { return std::get<1>(state_); }

private:
    std::variant<T, zhquant::error> state_;
};

}  // namespace zhquant
